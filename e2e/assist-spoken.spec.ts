import { expect, test } from '@playwright/test';
import { SPOKEN } from '../lib/engine/speech/recognition/test-support/spoken-lines';
import { spokenWavPath } from './support/spoken-audio';
import { stubTabShare } from './support/tab-share';
import { shotPath } from './support/shots';

/**
 * The customer's channel spoken, not typed: the softphone tab's audio (a WAV of flite's voice,
 * through the share picker) goes to a transcription session of its own on the local engine,
 * whose speech recognition turns it into a customer line; the agent's (silent) mic adds nothing.
 */

test('the customer speaking on the shared softphone tab becomes a customer line from the tab', async ({ page }) => {
  test.setTimeout(240_000);
  await stubTabShare(page, { wav: spokenWavPath('customer-tab', [{ silenceMs: 2500 }, { say: SPOKEN.answer.text }, { silenceMs: 20_000 }]) });
  await page.goto('/assist', { timeout: 180_000 });
  await page.getByTestId('assist-start').click();
  await expect(page.getByTestId('assist-phase')).toHaveText('● On a call');
  await page.getByTestId('assist-channel-tab').click();
  const line = page.locator('[data-testid="assist-line"][data-speaker="customer"]');
  await expect(line).toHaveCount(1, { timeout: 40_000 });
  await expect(line).toContainText(/friday/i);
  await expect(line).toContainText(/softphone|tab/i);
  await expect(page.locator('[data-testid="assist-line"][data-speaker="agent"]')).toHaveCount(0);
  await page.screenshot({ path: shotPath('assist-spoken-customer'), fullPage: true });
});
