import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { cloneDefaultSettings, type HintSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage, STOPPED_WITHIN_MS } from './support/hints-page';

/**
 * Typed meeting lines on the local engine (which transcribes no speech): they are context,
 * never a prompt (no spoken reply), and they go through the same trigger and interrupt
 * matching as heard speech.
 */

test.afterEach(async ({ request }) => {
  await new HintEngine(request).clearFaults();
});

async function connected(page: Page, request: APIRequestContext, patch: Partial<HintSettings> = {}) {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.seedSettings({ ...cloneDefaultSettings(), cooldownSeconds: 0, ...patch });
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  return { live, engine };
}

test('a typed line on the hint assistant is context only: no spoken reply, and a hint is not kept waiting', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await expect(live.offlineNote).toContainText('Local engine: offline speech recognition hears the microphone; you can also type meeting lines to try trigger and interrupt phrases');
  await expect(page.getByTestId('transcript-empty')).toContainText('Listening. What is said in the meeting appears here');
  for (let i = 1; i <= 5; i++) await live.typeLine(`Status update number ${i} on the rollout`);
  await expect(live.item('user')).toHaveCount(5);
  await expect(live.item('user').first()).toContainText('typed');
  // The lines reached the conversation, but nothing asked for a reply.
  await expect.poll(async () => (await engine.session()).conversation.length).toBe(5);
  expect(await engine.responseCreates()).toHaveLength(0);
  await expect(live.event('response.created')).toHaveCount(0);
  await expect(live.status).toHaveAttribute('data-status', 'listening');
  await expect(live.item('assistant')).toHaveCount(0);

  // A requested hint starts at once: nothing queued in front of it.
  const asked = Date.now();
  await live.quick.click();
  await live.waitSpeaking();
  const waitedMs = Date.now() - asked;
  expect(waitedMs).toBeLessThan(5_000);
  await expect(live.card('quick').getByTestId('hint-text')).toContainText('Quick hint (saw 3 messages)');
  test.info().annotations.push({ type: 'hint start after 5 typed lines (ms)', description: String(waitedMs) });
});

test('a typed trigger phrase fires its hint with the typed lines as context', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await live.typeLine('We moved the launch to April');
  await live.typeLine('because QA found two blockers');
  await live.typeLine("That's a GOOD question!");
  const card = live.card('quick');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-trigger', 'good question');
  await expect(card.getByTestId('hint-text')).toContainText('Quick hint (saw 3 messages)');
  const [sent] = await engine.responseCreates();
  expect(sent?.response?.metadata).toMatchObject({ cue_hint: 'quick', cue_trigger: 'good question' });
  const texts = (sent?.response?.input as { content: { text: string }[] }[]).map((m) => m.content[0]?.text);
  expect(texts).toEqual(['We moved the launch to April', 'because QA found two blockers', "That's a GOOD question!"]);
  await live.screenshot('typed-trigger-hint');
  await expect(card).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });

  // Do-not-trigger phrases hold for typed lines too.
  await live.typeLine('well that is not a good question');
  await expect(live.suppressed).toContainText('do-not-trigger');
  expect(await engine.responseCreates()).toHaveLength(1);
});

test('typing "got it" stops a playing full guidance at once and marks it', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await live.typeLine('We need to decide on the vendor this week');
  await live.typeLine('Can you walk me through the pricing');
  const card = live.card('full').first();
  await expect(card).toHaveAttribute('data-trigger', 'walk me through');
  await live.waitSpeaking();

  await live.typeLine('okay, got it');
  await expect(live.status).toHaveAttribute('data-status', 'listening', { timeout: STOPPED_WITHIN_MS });
  await expect(card).toHaveAttribute('data-interrupted', 'true');
  await expect(card.getByTestId('hint-status')).toHaveText('Interrupted ("got it")');
  await expect(live.event('hint.interrupted')).toHaveCount(1);
  expect((await engine.received('response.cancel')).length).toBeGreaterThan(0);
  await expect(live.error).toBeHidden();
  await live.screenshot('typed-got-it-stopped');

  // Still listening: the next typed trigger works.
  await live.typeLine('good question');
  await expect(live.card('quick')).toHaveCount(1);
});
