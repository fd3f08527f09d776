import { expect, test } from '@playwright/test';
import { cloneDefaultSettings, type HintSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';

/**
 * The live hint assistant against the local engine: triggers (phrases with ASR variants,
 * buttons, shortcuts), the context each hint sends, cooldown, cap, do-not-trigger, and
 * what the user sees. The engine answers a hint with "Quick hint (saw N messages): ..."
 * where N is the number of messages in the response's `input`.
 */

const settings = (patch: Partial<HintSettings>): HintSettings => ({ ...cloneDefaultSettings(), ...patch });

test.afterEach(async ({ request }) => {
  await new HintEngine(request).clearFaults();
});

async function connected(page: import('@playwright/test').Page, request: import('@playwright/test').APIRequestContext, patch?: Partial<HintSettings>) {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  if (patch) await live.seedSettings(settings(patch));
  await live.openHints();
  await live.connectAndWait();
  const sessionId = await engine.waitForOpenSession();
  return { live, engine, sessionId };
}

test('stays silent, then a trigger phrase with ASR variants fires a quick hint with exactly the last 3 messages', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await live.screenshot('idle-connected');
  await engine.utterance('We moved the launch to April');
  await engine.utterance('because QA found two blockers');
  await expect(live.item('user')).toHaveCount(2);
  // The hint assistant never answers on its own.
  expect(await engine.responseCreates()).toHaveLength(0);
  await expect(live.item('assistant')).toHaveCount(0);

  await engine.utterance("That's a GOOD question!");
  const card = live.card('quick');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-trigger', 'good question');
  await expect(card.getByTestId('hint-text')).toContainText('Quick hint (saw 3 messages)');

  const sent = await engine.responseCreates();
  expect(sent).toHaveLength(1);
  expect(sent[0]?.response?.conversation).toBe('none');
  expect(sent[0]?.response?.input).toHaveLength(3);
  expect(sent[0]?.response?.metadata).toMatchObject({ cue_hint: 'quick', cue_trigger: 'good question' });
  expect(sent[0]?.response?.instructions).toContain('Speak for at most 8 seconds');
  await expect(card).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });
  await expect(live.count).toHaveText('1 / 20 hints');
});

test('phrase variants map to their action: "walk me thru"-style punctuation and case still fire full guidance with 10 messages', async ({ page, request }) => {
  const { live, engine } = await connected(page, request, { cooldownSeconds: 0 });
  for (let i = 1; i <= 11; i++) await engine.utterance(`Point number ${i} about the rollout`);
  await engine.utterance('OK so... WALK me, through the plan?');
  const card = live.card('full');
  await expect(card).toHaveAttribute('data-trigger', 'walk me through');
  await expect(card.getByTestId('hint-text')).toContainText('Full guidance (saw 10 messages)');
  const [sent] = await engine.responseCreates();
  expect(sent?.response?.input).toHaveLength(10);
  expect(sent?.response?.instructions).toContain('Speak for at most 30 seconds');
});

test('Quick Hint / Full Guidance buttons and the H / G shortcuts send the configured context sizes', async ({ page, request }) => {
  const { live, engine } = await connected(page, request, { quickContextSize: 2, fullContextSize: 4, quickSeconds: 3, fullSeconds: 6 });
  for (const text of ['one thing', 'two things', 'three things', 'four things', 'five things']) await engine.utterance(text);

  await live.quick.click();
  await expect(live.card('quick').first().getByTestId('hint-text')).toContainText('Quick hint (saw 2 messages)');
  await expect(live.card('quick').first()).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });

  await engine.utterance('six things');
  await page.keyboard.press('g');
  await expect(live.card('full').first().getByTestId('hint-text')).toContainText('Full guidance (saw 4 messages)');
  // The context is the latest four messages in the order they happened: the quick hint sits before "six things".
  const full = (await engine.responseCreates())[1]?.response?.input as { role: string; content: { text: string }[] }[];
  expect(full.map((m) => m.role)).toEqual(['user', 'user', 'assistant', 'user']);
  expect(full.map((m) => m.content[0]?.text).filter((t) => !t?.startsWith('Quick hint'))).toEqual(['four things', 'five things', 'six things']);
  await expect(live.items.nth(5)).toHaveAttribute('data-role', 'hint');
  await expect(live.items.nth(6)).toContainText('six things');
  await expect(live.card('full').first()).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });

  await page.keyboard.press('h');
  await expect(live.card('quick')).toHaveCount(2);
  const sent = await engine.responseCreates();
  expect(sent.map((e) => [e.response?.metadata?.cue_hint, e.response?.input?.length])).toEqual([
    ['quick', 2],
    ['full', 4],
    ['quick', 2],
  ]);
  expect(sent.map((e) => e.response?.metadata?.cue_trigger)).toEqual(['button', 'shortcut', 'shortcut']);

  // Typing in the message box is not a shortcut.
  await live.input.fill('hg');
  await page.waitForTimeout(300);
  expect(await engine.responseCreates()).toHaveLength(3);
});

test('do-not-trigger suppresses, one utterance fires once, the cooldown holds phrases back, and the per-call cap stops everything', async ({ page, request }) => {
  const { live, engine } = await connected(page, request, { cooldownSeconds: 60, perCallCap: 2, quickSeconds: 3 });

  await engine.utterance("Well that's not a good question, is it");
  await expect(live.suppressed).toContainText('do-not-trigger');
  await expect(live.event('hint.suppressed')).toHaveCount(1);
  expect(await engine.responseCreates()).toHaveLength(0);

  await engine.utterance('Good question. Great question.');
  await expect(live.cards).toHaveCount(1);
  await engine.utterance('Another great question');
  await expect(live.suppressed).toContainText('cooldown');
  expect(await engine.responseCreates()).toHaveLength(1);

  // Buttons ignore the cooldown but count towards the cap.
  await live.full.click();
  await expect(live.cards).toHaveCount(2);
  await expect(live.count).toHaveText('2 / 2 hints');
  await expect(live.quick).toBeDisabled();
  await page.keyboard.press('h');
  await page.waitForTimeout(300);
  expect(await engine.responseCreates()).toHaveLength(2);
});

test('mute (M) stops sending the microphone and the status says so', async ({ page, request }) => {
  const { live } = await connected(page, request);
  await page.keyboard.press('m');
  await expect(live.status).toHaveAttribute('data-status', 'muted');
  await expect(live.mute).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('input-level')).toHaveAttribute('aria-valuenow', '0');
  await live.mute.click();
  await expect(live.status).toHaveAttribute('data-status', 'listening');
});

test('an upstream error event is shown in words, and the session keeps listening', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await engine.error({ code: 'invalid_value', message: 'The engine could not read that event' });
  await expect(live.error).toContainText('The local engine reported a problem: The engine could not read that event.');
  await expect(live.status).toHaveAttribute('data-status', 'listening');
});
