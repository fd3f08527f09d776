import { expect, test } from '@playwright/test';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';
import { shotPath } from './support/shots';

/** The first minutes on a fresh clone: the page says which engine runs and what it hears, in words that match the state. */

test.afterEach(async ({ request }) => {
  await new HintEngine(request).clearFaults();
});

test('the home page shows the same local-engine badge as /live, with the speech the engine has', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('backend-badge')).toHaveText('Local engine: offline speech, scripted replies');
  await expect(page.getByTestId('home-backend')).toContainText('speech is recognised offline');
  await page.screenshot({ path: shotPath('home-badge'), fullPage: true });
  await page.getByTestId('home-live-link').click();
  await expect(page.getByTestId('backend-badge')).toHaveText('Local engine: offline speech, scripted replies');
});

test('a blocked microphone reads "Hears: nothing (microphone blocked)", also after the error is dismissed', async ({ page, request }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    };
  });
  const live = new HintsPage(page);
  await live.openHints();
  await expect(page.getByTestId('transcript-empty')).toContainText('Connect, then talk');
  await live.connect.click();
  await expect(live.error).toHaveAttribute('data-code', 'mic_denied');
  await new HintEngine(request).waitForOpenSession();
  await expect(live.inputSource).toHaveText('Hears: nothing (microphone blocked)');
  await expect(live.inputSource).toHaveAttribute('data-mic-issue', 'mic_denied');
  await page.getByTestId('dismiss-button').click();
  await expect(live.error).toBeHidden();
  await expect(live.inputSource).toHaveText('Hears: nothing (microphone blocked)');
  // Connected, the empty transcript says what to do now, not "Connect, then talk".
  await expect(page.getByTestId('transcript-empty')).not.toContainText('Connect, then talk');
  await expect(page.getByTestId('transcript-empty')).toContainText('What is said in the meeting appears here');
  // Typing still works without a microphone.
  await live.typeLine('good question');
  await expect(live.card('quick')).toHaveCount(1);
});

test('with the microphone working it reads "Hears: Microphone"; disconnected, it says nothing', async ({ page }) => {
  const live = new HintsPage(page);
  await live.openHints();
  await expect(live.inputSource).toHaveCount(0);
  await live.connectAndWait();
  await expect(live.inputSource).toHaveText('Hears: Microphone');
  await live.disconnect.click();
  await expect(live.inputSource).toHaveCount(0);
});

test('a filter that hides every event says so, beside "0 of N"', async ({ page, request }) => {
  const live = new HintsPage(page);
  await live.openHints();
  await expect(page.getByTestId('event-log-empty')).toHaveText('No events yet.');
  await live.connectAndWait();
  await new HintEngine(request).waitForOpenSession();
  await expect(live.events.first()).toBeVisible();
  await page.getByTestId('event-log-filter').fill('no-such-event-type');
  await expect(page.getByTestId('event-log-empty')).toContainText('No events match the filter');
  await expect(page.getByTestId('event-log-count')).toHaveText(/^0 of \d+$/);
  await page.getByTestId('event-log-filter').fill('');
  await expect(page.getByTestId('event-log-empty')).toHaveCount(0);
  await expect(page.getByTestId('event-log-count')).toHaveText(/^\d+$/);
});
