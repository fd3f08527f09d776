import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { cloneDefaultSettings, type HintSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage, STOPPED_WITHIN_MS } from './support/hints-page';

/**
 * Stopping a hint: the interrupt phrase, the Interrupt button and Esc silence playback at
 * once and mark the hint; meeting speech without the phrase does not; the session keeps
 * listening afterwards. A full guidance hint plays for ~12 s here, so "speaking" ending
 * within a second or two can only be the interrupt.
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
  await engine.utterance('We need to decide on the vendor this week');
  return { live, engine };
}

test('the interrupt phrase heard while a hint plays stops it at once, marks it, and leaves the session listening', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await engine.utterance('Can you walk me through the pricing');
  const card = live.card('full').first();
  await live.waitSpeaking();
  await live.screenshot('hint-playing');

  await engine.utterance('okay got it');
  await expect(live.status).toHaveAttribute('data-status', 'listening', { timeout: STOPPED_WITHIN_MS });
  await expect(card).toHaveAttribute('data-interrupted', 'true');
  await expect(card.getByTestId('hint-status')).toHaveText('Interrupted ("got it")');
  await live.screenshot('hint-interrupted');
  await expect(live.event('hint.interrupted')).toHaveCount(1);
  // No alarming error for the out-of-band item.
  await expect(live.error).toBeHidden();

  // The hint is out of band: a cancel names it (a bare one would not stop it on the GA service).
  // (None is sent if the engine, 4x faster than real time, had finished generating: then only playback stops.)
  const cancels = await engine.received('response.cancel');
  expect(cancels.filter((c) => typeof c.response_id !== 'string')).toEqual([]);

  // Still listening: the next trigger works.
  await engine.utterance('good question');
  await expect(live.card('quick')).toHaveCount(1);
});

test('the Interrupt button and Esc stop a playing hint', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await live.full.click();
  await live.waitSpeaking();
  await live.interrupt.click();
  await expect(live.status).toHaveAttribute('data-status', 'listening', { timeout: STOPPED_WITHIN_MS });
  await expect(live.card('full').first()).toHaveAttribute('data-interrupted', 'true');
  await expect(live.card('full').first().getByTestId('hint-status')).toHaveText('Interrupted (button)');

  await page.keyboard.press('g');
  await expect(live.card('full')).toHaveCount(2);
  await live.waitSpeaking();
  await page.keyboard.press('Escape');
  await expect(live.status).toHaveAttribute('data-status', 'listening', { timeout: STOPPED_WITHIN_MS });
  await expect(live.card('full').nth(1)).toHaveAttribute('data-interrupted', 'true');
  await expect(live.card('full').nth(1).getByTestId('hint-status')).toHaveText('Interrupted (Esc)');
  const cancels = await engine.received('response.cancel');
  expect(cancels.filter((c) => typeof c.response_id !== 'string')).toEqual([]);
});

test('meeting speech during a hint does not stop it', async ({ page, request }) => {
  const { live, engine } = await connected(page, request, { quickSeconds: 6 });
  await live.quick.click();
  await live.waitSpeaking();
  await engine.utterance('and we should also review the hiring plan for next quarter');
  await expect(live.item('user').last()).toContainText('hiring plan');
  await expect(live.status).toHaveAttribute('data-status', 'speaking');
  const card = live.card('quick').first();
  await expect(card).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });
  await expect(card).toHaveAttribute('data-interrupted', 'false');
  expect(await engine.received('response.cancel')).toHaveLength(0);
  expect(await engine.received('conversation.item.truncate')).toHaveLength(0);
});
