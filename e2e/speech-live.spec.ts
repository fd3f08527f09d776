import { expect, test } from '@playwright/test';
import { SPOKEN } from '../lib/engine/speech/recognition/test-support/spoken-lines';
import config from '../playwright.config';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';
import { spokenWavPath, withFakeMic } from './support/spoken-audio';

/**
 * /live heard through a microphone that speaks: Chromium's fake mic plays flite's voice, the
 * local engine recognises it (pocketsphinx), and the page's own matchers fire on the
 * transcription: a trigger phrase plays a hint, an interrupt phrase stops it. Each WAV starts
 * with silence (connecting) and ends with a minute of it, so its loop never replays mid-test.
 * The lines are ones flite and pocketsphinx agree on (hit rates: npm run bench:speech).
 */
const launch = config.use?.launchOptions ?? {};

test.use({ launchOptions: withFakeMic(launch, spokenWavPath('live-trigger', [{ silenceMs: 3000 }, { say: SPOKEN.trigger.text }, { silenceMs: 60_000 }])) });

test('appears as words in the transcript and plays a hint', async ({ page, request }) => {
  test.setTimeout(90_000);
  const live = new HintsPage(page);
  await live.openHints();
  await live.connectAndWait();
  await new HintEngine(request).waitForOpenSession();

  const card = live.card('quick');
  await expect(card).toHaveCount(1, { timeout: 30_000 });
  await expect(card).toHaveAttribute('data-trigger', 'good question');
  await expect(card.getByTestId('hint-text')).not.toHaveText('', { timeout: 15_000 });
  // The meeting line shows as the words said, not the engine's old placeholder.
  const heard = live.item('user').first();
  await expect(heard).toContainText(/good question/i, { timeout: 20_000 });
  await expect(live.transcript).not.toContainText('[speech,');
  await live.screenshot('speech-live-trigger');
  await expect(card).toHaveAttribute('data-hint-status', 'done', { timeout: 30_000 });
});
