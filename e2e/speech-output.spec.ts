import { expect, test } from '@playwright/test';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';
import { ReceivedAudio } from './support/received-audio';

/**
 * The local engine speaks: a hint asked for on /live arrives at the page as speech
 * (flite, measured on the audio deltas the page received, not a tone), and the hint
 * card shows what was said. The badge says the engine has offline speech.
 */
test('a typed trigger on /live plays a spoken hint: the page receives speech, and the card shows its transcript', async ({ page, request }) => {
  const received = ReceivedAudio.attach(page);
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.seedSettings({ ...cloneDefaultSettings(), cooldownSeconds: 0 });
  await live.openHints();
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveText('Local engine: offline speech, scripted replies');
  await expect(badge).toHaveAttribute('data-speech', 'offline');
  await live.connectAndWait();
  await engine.waitForOpenSession();

  await live.typeLine('We moved the launch to April because QA found two blockers');
  await live.typeLine("That's a good question!");
  const card = live.card('quick');
  await expect(card).toHaveCount(1);
  await expect.poll(() => received.finished().length, { timeout: 20_000 }).toBeGreaterThan(0);
  const [hint] = received.finished();
  const measured = ReceivedAudio.measure(hint!);
  test.info().annotations.push({ type: 'received hint audio', description: JSON.stringify(measured) });
  expect(measured.verdict).toBe('speech');
  expect(measured.durationMs).toBeGreaterThan(1000);
  expect(hint!.transcript).toContain('Quick hint');
  await expect(card.getByTestId('hint-text')).toContainText(hint!.transcript);
  await live.screenshot('speech-output-hint');
});
