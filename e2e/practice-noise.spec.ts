import { expect, test } from '@playwright/test';
import config from '../playwright.config';
import { EngineControls } from './support/engine-controls';
import { noisyRoomWavPath } from './support/noise-audio';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';

/**
 * A noisy microphone (Chromium's fake mic plays a looping hubbub): the client is cut off
 * at once and turn detection never sees a pause. The page must not stall in silence: it
 * shows the mic level, says what is happening, and offers Mute / Type instead.
 */

const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launch,
    args: [...(launch.args ?? []).filter((a) => !a.startsWith('--use-file-for-fake-audio-capture=')), `--use-file-for-fake-audio-capture=${noisyRoomWavPath()}`],
  },
});

test('continuous noise is explained with the mic level, and Type instead gets the call going again', async ({ page, request }) => {
  test.setTimeout(90_000);
  const practice = new PracticePage(page);
  const engine = new EngineControls(request);
  await practice.startCall('municipal-coo-sic');
  await engine.waitForOpenSession();

  // The noise holds the user's turn open (it cuts the client off if it is speaking); the page says it is hearing sound.
  await expect(page.getByTestId('status')).toContainText('Hearing you — the client answers when you pause', { timeout: 20_000 });
  const meter = page.getByTestId('call-input-level').first();
  await expect(meter).toBeVisible();
  await expect.poll(async () => Number(await meter.getAttribute('data-level'))).toBeGreaterThan(8);

  // Within seconds (not a silent 30 s stall) the warning says why, with the way out.
  const warning = page.getByTestId('noise-warning');
  await expect(warning).toBeVisible({ timeout: 25_000 });
  await expect(warning).toContainText('Your microphone is picking up continuous noise, so the client keeps stopping. Mute, use headphones, or type your answer.');
  await expect(warning.getByTestId('call-input-level')).toBeVisible();
  await page.screenshot({ path: shotPath('practice-noise-warning'), fullPage: true });

  await warning.getByTestId('noise-type-instead').click();
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'muted');
  await expect(page.getByTestId('mute-button')).toHaveText('Unmute');
  await expect(practice.input).toBeFocused();
  // What the service heard was noise: it is dropped, not answered.
  await expect.poll(async () => (await engine.received('input_audio_buffer.clear')).length).toBe(1);

  const replies = await practice.item('assistant').count();
  await practice.input.fill('Maria Lopez owns the North depot fix, due 14 June.');
  await page.keyboard.press('Enter');
  await expect(practice.item('user').last()).toContainText('Maria Lopez owns the North depot fix');
  await expect(practice.item('assistant')).toHaveCount(replies + 1, { timeout: 15_000 });
  await expect(practice.item('assistant').last()).not.toHaveText('');
  await expect(practice.transcript).not.toContainText('[speech,');
  await expect(warning).toBeHidden();
});
