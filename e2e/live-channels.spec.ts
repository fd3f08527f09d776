import { expect, test } from '@playwright/test';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { SPOKEN } from '../lib/engine/speech/recognition/test-support/spoken-lines';
import { HintsPage } from './support/hints-page';
import { spokenWavPath } from './support/spoken-audio';
import { stubTabShare } from './support/tab-share';

/**
 * /live with two channels: "you" (the microphone, or typed lines) and "them" (the meeting tab's
 * audio in a transcription session of its own, or lines typed for them). Every row says which
 * side and which channel it came from, and the talk ratio follows the words on each side.
 */

const settings = { ...cloneDefaultSettings(), inputSource: 'microphone+tab' as const };

test('typed lines on both channels are labelled by where they came from, and the talk ratio follows them', async ({ page }) => {
  const live = new HintsPage(page);
  await live.seedSettings(settings);
  await stubTabShare(page, 'tone');
  await live.openHints();
  await expect(page.getByTestId('talk-ratio')).toContainText('nobody has spoken yet');
  await live.connectAndWait();
  // Their tab is its own session; the hint session hears the microphone alone.
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'on', { timeout: 20_000 });
  await expect(page.getByTestId('them-channel')).toContainText('Tab audio, own channel');
  await expect(live.inputSource).toHaveAttribute('data-source', 'mic');

  await live.typeLine('Here is where we are on the rollout plan');
  await page.getByTestId('them-input').fill('How much does the pilot cost and when can it start for our team');
  await page.getByTestId('them-input').press('Enter');
  await expect(page.getByTestId('them-input')).toHaveValue('');

  const rows = live.item('user');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-channel', 'you');
  await expect(rows.nth(0).getByTestId('row-label')).toHaveText(/^You\s*typed$/);
  await expect(rows.nth(1)).toHaveAttribute('data-channel', 'them');
  await expect(rows.nth(1).getByTestId('row-label')).toHaveText(/^Them\s*typed$/);
  // The marker that carries the channel into the conversation is not shown.
  await expect(rows.nth(1)).toContainText('How much does the pilot cost');
  await expect(rows.nth(1)).not.toContainText('Them (typed):');
  // 9 words from you, 14 from them.
  await expect(page.getByTestId('talk-ratio')).toHaveAttribute('data-you', '39');
  await expect(page.getByTestId('talk-ratio')).toContainText('you 39% · them 61%');
  await live.screenshot('live-two-channels');

  // Ending the call ends their channel too.
  await live.disconnect.click();
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'off');
});

test('a declined share is stated where it happened; their lines can still be typed', async ({ page }) => {
  const live = new HintsPage(page);
  await live.seedSettings(settings);
  await stubTabShare(page, 'decline');
  await live.openHints();
  await live.connectAndWait();
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('them-message')).toHaveText('The meeting tab was not shared, so Cue hears only you. Share the tab again, or type what they say.');
  await page.getByTestId('them-input').fill('We need it by March');
  await page.getByTestId('them-input').press('Enter');
  await expect(live.item('user')).toHaveCount(1);
  await expect(live.item('user').first()).toHaveAttribute('data-channel', 'them');
  await expect(page.getByTestId('talk-ratio')).toContainText('you 0% · them 100%');
  // Sharing again from the page brings their channel back.
  await page.evaluate(() => ((window as unknown as { __shareAnswer: string }).__shareAnswer = 'tone'));
  await page.getByTestId('share-their-tab').click();
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'on', { timeout: 20_000 });
});

test('their spoken words, heard on the tab channel by the engine\'s speech recognition, are labelled them', async ({ page }) => {
  test.setTimeout(90_000);
  const live = new HintsPage(page);
  await live.seedSettings(settings);
  await stubTabShare(page, { wav: spokenWavPath('their-tab', [{ silenceMs: 2500 }, { say: SPOKEN.full.text }, { silenceMs: 20_000 }]) });
  await live.openHints();
  await live.connectAndWait();
  await expect(page.getByTestId('them-channel')).toHaveAttribute('data-status', 'on', { timeout: 20_000 });
  const heard = page.locator('[data-testid="transcript-item"][data-channel="them"]');
  await expect(heard).toHaveCount(1, { timeout: 40_000 });
  await expect(heard).toContainText(/walk me through/i);
  await expect(heard.getByTestId('row-label')).toHaveText(/^Them\s*tab audio$/);
  // Their words are context for the hint session: no hint fires on their trigger phrase.
  await expect(live.cards).toHaveCount(0);
  await expect(page.getByTestId('talk-ratio')).toContainText('you 0% · them 100%');
  await live.screenshot('live-them-spoken');
});
