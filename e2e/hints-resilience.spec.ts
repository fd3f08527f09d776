import { expect, test } from '@playwright/test';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';
import { stubTabShare } from './support/tab-share';

/** A long meeting: dropped connections, what the assistant hears, and a long transcript. */

test.afterEach(async ({ request }) => {
  await new HintEngine(request).clearFaults();
});

test('a dropped connection reconnects by itself, with the transcript intact and a note in the event log', async ({ page, request }) => {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.openHints();
  await live.connectAndWait();
  const first = await engine.waitForOpenSession();
  await engine.utterance('Our churn went down last quarter');
  await engine.utterance('mostly in the enterprise segment');
  await expect(live.item('user')).toHaveCount(2);

  await engine.drop();
  await expect(live.event('session.connection_lost')).toHaveCount(1);
  await expect(live.status).toHaveAttribute('data-status', 'listening', { timeout: 15_000 });
  await expect(live.event('session.reconnected')).toHaveCount(1);
  await expect(live.error).toBeHidden();
  await expect(live.item('user')).toHaveCount(2);
  await expect(live.item('user').first()).toContainText('Our churn went down last quarter');

  const second = await engine.waitForOpenSession();
  expect(second).not.toBe(first);
  // The history was carried over into the new session.
  await expect.poll(async () => (await engine.session(second)).conversation.length).toBe(2);
  await engine.utterance('Good question');
  await expect(live.card('quick').getByTestId('hint-text')).toContainText('Quick hint (saw 3 messages)');
  await expect(live.item('user')).toHaveCount(3);
});

test('when reconnecting keeps failing, the page says so and Retry brings the call back with its history', async ({ page, request }) => {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  await engine.utterance('The pilot starts in May');
  await engine.faults({ refuseConnections: true });
  await engine.drop();
  await expect(live.reconnectNotice).toBeVisible();
  await expect(live.error).toHaveAttribute('data-code', 'connection_lost', { timeout: 30_000 });
  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  await engine.clearFaults();
  await page.getByTestId('retry-button').click();
  await expect(live.status).toHaveAttribute('data-status', 'listening');
  await expect(live.item('user')).toHaveCount(1);
  await expect.poll(async () => (await engine.session()).conversation.length).toBe(1);
});

test('tab audio: a declined share is stated and the call goes on with the microphone; a shared tab is their own channel', async ({ page }) => {
  const live = new HintsPage(page);
  await live.seedSettings({ ...cloneDefaultSettings(), inputSource: 'microphone+tab' });
  await stubTabShare(page, 'decline');
  await live.openHints();
  await live.connectAndWait();
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('them-message')).toContainText('The meeting tab was not shared, so Cue hears only you.');
  // The hint session hears the microphone either way: the tab is never mixed into it.
  await expect(live.inputSource).toHaveAttribute('data-source', 'mic');

  await live.disconnect.click();
  await page.evaluate(() => ((window as unknown as { __shareAnswer: string }).__shareAnswer = 'tone'));
  await live.connectAndWait();
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'on', { timeout: 20_000 });
  await expect(live.inputSource).toHaveAttribute('data-source', 'mic');
});

test('a long transcript is virtualised, follows new words, pauses when scrolled up, and jumps back to the latest', async ({ page }) => {
  const live = new HintsPage(page);
  await live.openHints('/live?bench=1');
  await page.evaluate(() => {
    const bench = (window as unknown as { __cueBench: { targets: { live: { store: { getState(): { actions: { applyHistory(h: unknown[]): void; applyTranscriptDelta(d: unknown): void } } } } } } }).__cueBench;
    const history = Array.from({ length: 2000 }, (_, i) => ({
      itemId: `u${i}`,
      type: 'message',
      role: 'user',
      status: 'completed',
      content: [{ type: 'input_text', text: `Line ${i} of a long meeting` }],
    }));
    bench.targets.live.store.getState().actions.applyHistory(history);
  });
  await expect(live.transcript).toHaveAttribute('data-count', '2000');
  await expect(live.items.last()).toContainText('Line 1999 of a long meeting');
  expect(await live.items.count()).toBeLessThan(60);

  const scroller = page.getByTestId('transcript-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(page.getByTestId('jump-to-latest')).toBeVisible();
  await page.evaluate(() => {
    const bench = (window as unknown as { __cueBench: { targets: { live: { store: { getState(): { actions: { applyTranscriptDelta(d: unknown): void } } } } } } }).__cueBench;
    bench.targets.live.store.getState().actions.applyTranscriptDelta({ itemId: 'new', role: 'user', delta: 'A brand new line' });
  });
  // Scrolled up: the view stays where the user is reading.
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeLessThan(100);
  await page.getByTestId('jump-to-latest').click();
  await expect(live.items.last()).toContainText('A brand new line');
  await expect(page.getByTestId('jump-to-latest')).toBeHidden();
});

test('the transcript exports as Markdown and JSON with hint cards marked', async ({ page, request }) => {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  await engine.utterance('What is the timeline, good question');
  await expect(live.card('quick')).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });

  const md = page.waitForEvent('download');
  await page.getByTestId('transcript-export-md').click();
  const mdText = await (await import('node:fs/promises')).readFile((await (await md).path())!, 'utf8');
  expect(mdText).toContain('**[0:');
  expect(mdText).toContain('Meeting:** What is the timeline, good question');
  expect(mdText).toMatch(/> \*\*\[\d+:\d\d\] Cue — Quick hint\*\* \(trigger: good question\): Quick hint \(saw 1 messages\)/);

  const json = page.waitForEvent('download');
  await page.getByTestId('transcript-export-json').click();
  const doc = JSON.parse(await (await import('node:fs/promises')).readFile((await (await json).path())!, 'utf8')) as { format: string; entries: { role: string; hint?: unknown }[] };
  expect(doc.format).toBe('cue.transcript');
  expect(doc.entries.map((e) => e.role)).toEqual(['user', 'hint']);
  expect(doc.entries[1]?.hint).toEqual({ kind: 'quick', trigger: 'good question', interrupted: false });
});

test('the event log shows direction, time and type, filters by type, expands to JSON; copy puts the Markdown transcript on the clipboard', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  await live.quick.click();
  await expect(live.card('quick')).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });

  const filter = page.getByTestId('event-log-filter');
  await filter.fill('hint.');
  await expect(live.events).toHaveCount(1);
  await expect(live.event('hint.requested')).toHaveAttribute('data-direction', 'note');
  await filter.fill('response.created');
  await expect(live.event('response.created')).toHaveAttribute('data-direction', 'server');
  await filter.fill('response.create');
  await expect(live.events).toHaveCount(2);
  const sent = live.event('response.create');
  await expect(sent).toHaveAttribute('data-direction', 'client');
  await expect(sent).toContainText(/\d\d:\d\d:\d\d\.\d\d\d/);
  await sent.getByRole('button').click();
  await expect(sent.getByTestId('event-log-json')).toContainText('"conversation": "none"');
  await expect(sent.getByTestId('event-log-json')).toContainText('"cue_hint": "quick"');
  await filter.fill('');

  await page.getByTestId('transcript-copy').click();
  await expect(page.getByTestId('transcript-status')).toHaveText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toContain('# Live session');
  expect(clip).toContain('Cue — Quick hint** (trigger: button): Quick hint (saw 0 messages)');
});
