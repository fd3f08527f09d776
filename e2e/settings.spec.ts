import { expect, test } from '@playwright/test';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';
import { SettingsPanel } from './support/settings-panel';
import { shotPath } from './support/shots';

/** The settings panel: one schema for the form and the import, persistence, and live effect. */

test.afterEach(async ({ request }) => {
  await new HintEngine(request).clearFaults();
});

test('a trigger phrase added in the panel fires in the running session, without reconnecting', async ({ page, request }) => {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  const panel = new SettingsPanel(page);
  await live.openHints();
  await live.connectAndWait();
  const sessionId = await engine.waitForOpenSession();
  await engine.utterance('The board wants numbers');

  await panel.open();
  await expect(panel.dialog).toContainText('apply to the running session');
  await panel.addTrigger('what about pricing', 'full');
  await panel.saveAndClose();

  await engine.utterance('So what about pricing then');
  const card = live.card('full');
  await expect(card).toHaveAttribute('data-trigger', 'what about pricing');
  await expect(card.getByTestId('hint-text')).toContainText('Full guidance (saw 2 messages)');
  expect((await engine.sessions()).filter((s) => s.open).map((s) => s.id)).toEqual([sessionId]);
});

test('invalid settings are refused with field errors and the old settings are kept', async ({ page }) => {
  const live = new HintsPage(page);
  const panel = new SettingsPanel(page);
  await live.openHints();
  await panel.open();
  await panel.field('quick-seconds').fill('500');
  await panel.field('per-call-cap').fill('-1');
  await panel.field('trigger-phrase-0').fill('x');
  await panel.save.click();
  await expect(panel.summary).toContainText('Nothing was saved');
  await expect(panel.error('quickSeconds')).toHaveText('Quick hint length must be at most 30 s');
  await expect(panel.error('perCallCap')).toHaveText('Hints per call must be at least 0');
  await expect(panel.error('triggers.0.phrase')).toHaveText('Use at least 2 characters');
  await expect(panel.field('quick-seconds')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.dialog).toBeVisible();
  await page.screenshot({ path: shotPath('settings-validation-error'), fullPage: true });

  await panel.cancel.click();
  await panel.open();
  await expect(panel.field('quick-seconds')).toHaveValue('8');
  await expect(panel.field('per-call-cap')).toHaveValue('20');
  await expect(panel.field('trigger-phrase-0')).toHaveValue('good question');
});

test('an invalid settings file is refused with one line per field, in the form’s words, and nothing is applied; a valid one is', async ({ page }) => {
  const live = new HintsPage(page);
  const panel = new SettingsPanel(page);
  await live.openHints();
  await panel.open();
  const bad = { ...cloneDefaultSettings(), cooldownSeconds: 'soon', triggers: [{ phrase: 'good question', action: 'shout' }], extra: true };
  await panel.importText('bad-settings.json', JSON.stringify(bad));
  await expect(panel.importErrors).toContainText('Nothing was imported from bad-settings.json');
  const lines = panel.dialog.getByTestId('settings-import-error');
  await expect(lines).toHaveText([
    'Trigger phrase 1, action: pick Quick hint or Full guidance',
    'Cooldown must be a number',
    'Do-not-trigger phrase 2: contains no trigger phrase, so it can never block one',
    '“extra”: not a setting of this app (check the spelling)',
  ]);
  // Labels, not validator paths.
  await expect(panel.importErrors).not.toContainText('cooldownSeconds');
  await expect(panel.importErrors).not.toContainText('triggers.0');
  await expect(panel.field('cooldown-seconds')).toHaveValue('10');

  await panel.importText('broken.json', '{ "version": 1, ');
  await expect(panel.importErrors).toContainText('The file is not valid JSON');

  await panel.importText('good.json', JSON.stringify({ ...cloneDefaultSettings(), cooldownSeconds: 3, interruptPhrases: ['stop please'] }));
  await expect(panel.status).toHaveText('Imported and saved all settings from good.json.');
  await expect(panel.field('cooldown-seconds')).toHaveValue('3');
  await expect(panel.field('interrupt-phrase-0')).toHaveValue('stop please');
});

test('a partial settings file applies the fields it has, keeps the rest, and says which were applied', async ({ page }) => {
  const live = new HintsPage(page);
  const panel = new SettingsPanel(page);
  await live.openHints();
  await panel.open();
  await panel.field('voice').selectOption('cedar');
  await panel.field('per-call-cap').fill('7');
  await panel.saveAndClose();

  await panel.open();
  await panel.importText('partial.json', JSON.stringify({ cooldownSeconds: 3, interruptPhrases: ['stop please'] }));
  await expect(panel.status).toHaveText('Imported from partial.json and saved: Interrupt phrases, Cooldown. The other settings were kept.');
  await expect(panel.importErrors).toHaveCount(0);
  await expect(panel.field('cooldown-seconds')).toHaveValue('3');
  await expect(panel.field('interrupt-phrase-0')).toHaveValue('stop please');
  await expect(panel.field('voice')).toHaveValue('cedar');
  await expect(panel.field('per-call-cap')).toHaveValue('7');
  await expect(panel.field('trigger-phrase-0')).toHaveValue('good question');

  // A bad value in a partial file: nothing of it is applied.
  await panel.importText('partial-bad.json', JSON.stringify({ cooldownSeconds: 5, quickSeconds: 'eight' }));
  await expect(panel.dialog.getByTestId('settings-import-error')).toHaveText(['Quick hint length must be a number']);
  await expect(panel.field('cooldown-seconds')).toHaveValue('3');

  await page.reload();
  await panel.open();
  await expect(panel.field('cooldown-seconds')).toHaveValue('3');
  await expect(panel.field('voice')).toHaveValue('cedar');
});

test('on the local engine, Voice and Model say they have no effect; closing Settings returns focus to its button', async ({ page }) => {
  const live = new HintsPage(page);
  const panel = new SettingsPanel(page);
  await live.openHints();
  const button = page.getByTestId('settings-button');
  await panel.open();
  await expect(panel.dialog.getByTestId('field-note-voice')).toHaveText('On the local engine, a female or male offline voice for it; this exact voice applies with OpenAI.');
  await expect(panel.dialog.getByTestId('field-note-model')).toHaveText('No effect on the local engine (scripted, no AI); this applies with OpenAI.');
  await expect(panel.dialog.getByTestId('field-note-transport')).toContainText('always uses WebSocket');
  await panel.field('voice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('settings-local-engine-note') });

  await panel.cancel.click();
  await expect(panel.dialog).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await expect(panel.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel.dialog).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await panel.saveAndClose();
  await expect(button).toBeFocused();
});

test('settings survive a reload; reset restores the defaults; export downloads what import reads', async ({ page }) => {
  const live = new HintsPage(page);
  const panel = new SettingsPanel(page);
  await live.openHints();
  await panel.open();
  await panel.field('cooldown-seconds').fill('42');
  await panel.field('voice').selectOption('cedar');
  await panel.saveAndClose();

  await page.reload();
  await panel.open();
  await expect(panel.field('cooldown-seconds')).toHaveValue('42');
  await expect(panel.field('voice')).toHaveValue('cedar');

  const download = page.waitForEvent('download');
  await panel.field('settings-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cue-settings.json');
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')) as Record<string, unknown>;
  expect(exported).toMatchObject({ version: 1, cooldownSeconds: 42, voice: 'cedar' });

  await panel.field('settings-reset').click();
  await panel.field('settings-reset-confirm').click();
  await expect(panel.field('cooldown-seconds')).toHaveValue('10');
  await panel.cancel.click();
  await page.reload();
  await panel.open();
  await expect(panel.field('cooldown-seconds')).toHaveValue('10');
});

test('model and voice go to the mint as overrides', async ({ page, request }) => {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.seedSettings({ ...cloneDefaultSettings(), model: 'gpt-realtime-mini', voice: 'cedar' });
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  await expect(live.badge).toHaveText('Local engine: offline speech, scripted replies');
  const updates = JSON.stringify(await engine.received('session.update'));
  expect(updates).toContain('"voice":"cedar"');
  expect(updates).toContain('gpt-realtime-mini');
});

test('tracing is off unless switched on, and the page says when it is on; a deprecated model shows its shutdown date', async ({ page, request }) => {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  const panel = new SettingsPanel(page);
  const tracingBadge = page.getByTestId('tracing-badge');
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  // The SDK asks for tracing 'auto' unless told otherwise; this session said null.
  await expect.poll(async () => JSON.stringify(await engine.received('session.update'))).toContain('"tracing":null');
  const off = JSON.stringify(await engine.received('session.update'));
  expect(off).not.toContain('"tracing":"auto"');
  // The phrases the page listens for go to the transcription model as keywords.
  expect(off).toContain('"keywords":["got it","thanks","okay stop","good question"');
  await expect(tracingBadge).toBeHidden();
  await live.disconnect.click();

  await panel.open();
  await expect(panel.field('tracing')).not.toBeChecked();
  await panel.field('model').selectOption('gpt-realtime-mini');
  await expect(panel.dialog.locator('#model-note')).toContainText('Deprecated: OpenAI shuts gpt-realtime-mini down on 2027-01-20. Pick a current model.');
  await panel.field('tracing').check();
  await live.screenshot('settings-tracing-deprecated-model');
  await panel.saveAndClose();
  await expect(tracingBadge).toHaveText('Tracing on: audio and text go to your OpenAI traces');

  await live.connectAndWait();
  await engine.waitForOpenSession();
  await expect.poll(async () => JSON.stringify(await engine.received('session.update'))).toContain('"tracing":"auto"');
  await expect(tracingBadge).toBeVisible();
  await live.screenshot('live-tracing-on');
});
