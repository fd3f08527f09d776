import { expect, test } from '@playwright/test';
import { SPOKEN } from '../lib/engine/speech/recognition/test-support/spoken-lines';
import config from '../playwright.config';
import { EngineControls } from './support/engine-controls';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';
import { spokenWavPath, withFakeMic } from './support/spoken-audio';

/**
 * A practice call answered by voice (Chromium's fake mic plays flite's voice; the local
 * engine recognises it): the persona replies to the spoken answer, a spoken escalation
 * phrase escalates, and the debrief measures the speaking pace from the spoken turns.
 */
const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: withFakeMic(
    launch,
    spokenWavPath('practice-answer', [{ silenceMs: 4000 }, { say: SPOKEN.answer.text }, { silenceMs: 4000 }, { say: SPOKEN.escalation.text }, { silenceMs: 60_000 }]),
  ),
});

test('a call answered by voice: the persona replies, a spoken escalation phrase escalates, the debrief measures the pace', async ({ page, request }) => {
  test.setTimeout(120_000);
  const practice = new PracticePage(page);
  await practice.startCall('municipal-coo-sic');
  await new EngineControls(request).waitForOpenSession();

  // The spoken answer is transcribed as words and the persona answers it.
  const answer = practice.item('user').first();
  await expect(answer).toContainText(/gap|depot|friday/i, { timeout: 30_000 });
  await expect.poll(async () => practice.item('assistant').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

  // The spoken "not our fault" escalates.
  await expect(practice.escalations).toHaveCount(1, { timeout: 40_000 });
  await expect(practice.escalations.first()).toContainText('you said “not our fault”');
  await expect(practice.transcript).not.toContainText('[speech,');
  await page.screenshot({ path: shotPath('speech-practice-escalation'), fullPage: true });
  await practice.clientDone();

  await practice.end();
  const pace = page.getByTestId('metric-wordsPerMinute');
  await expect(pace).not.toHaveAttribute('data-assessment', 'unmeasured', { timeout: 20_000 });
  await expect(pace).toContainText(/\d+ words\/min/);
  await expect(page.getByTestId('metric-longestMonologueSeconds')).toContainText(/\d+ words/);
  await page.screenshot({ path: shotPath('speech-practice-debrief'), fullPage: true });
});
