import { expect, test } from '@playwright/test';
import { SPOKEN } from '../lib/engine/speech/recognition/test-support/spoken-lines';
import config from '../playwright.config';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';
import { spokenWavPath, withFakeMic } from './support/spoken-audio';

/**
 * /live heard through a microphone that speaks (see speech-live.spec.ts): Chromium's fake mic plays flite's voice, the
 * local engine recognises it (pocketsphinx), and the page's own matchers fire on the
 * transcription: a trigger phrase plays a hint, an interrupt phrase stops it. Each WAV starts
 * with silence (connecting) and ends with a minute of it, so its loop never replays mid-test.
 * The lines are ones flite and pocketsphinx agree on (hit rates: npm run bench:speech).
 */
const launch = config.use?.launchOptions ?? {};

test.use({
  launchOptions: withFakeMic(
    launch,
    spokenWavPath('live-interrupt', [{ silenceMs: 3000 }, { say: SPOKEN.full.text }, { silenceMs: 3000 }, { say: SPOKEN.interrupt.text }, { silenceMs: 60_000 }]),
  ),
});

test('stops the hint that is playing', async ({ page, request }) => {
  test.setTimeout(90_000);
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();

  const card = live.card('full').first();
  await expect(card).toHaveAttribute('data-trigger', 'walk me through', { timeout: 30_000 });
  await expect(card).toHaveAttribute('data-interrupted', 'true', { timeout: 30_000 });
  await expect(card.getByTestId('hint-status')).toHaveText('Interrupted ("got it")');
  await expect(live.event('hint.interrupted')).toHaveCount(1);
  await expect(live.status).toHaveAttribute('data-status', 'listening');
  await expect(live.item('user').filter({ hasText: /got it/i })).toHaveCount(1, { timeout: 20_000 });
  await live.screenshot('speech-live-interrupted');
});
