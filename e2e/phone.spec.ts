import { expect, test } from '@playwright/test';
import { APP_PORT, TWILIO_E2E_AUTH_TOKEN } from '../playwright.config';
import { FakeTwilioCall, parseStreamTwiml, postVoiceWebhook } from '../lib/server/phone/test-support/fake-twilio';
import { EngineControls } from './support/engine-controls';
import { shotPath } from './support/shots';

/**
 * The phone line on the built app (npm start: Next and /call in one process) and the local engine:
 * a fake Twilio calls through the signed webhook and socket, the call shows in the log; bad
 * signatures are refused; the phone simulator page calls the agent and hears it.
 */
const APP = `http://127.0.0.1:${APP_PORT}`;
const params = { CallSid: 'CAe2e', AccountSid: 'AC00000000000000000000000000000000', From: '+14155550123', To: '+18005550100', CallStatus: 'ringing', Direction: 'inbound' };

test('a Twilio call is answered by the receptionist and logged with its transcript', async ({ page }) => {
  const answer = await postVoiceWebhook({ appUrl: APP, publicBase: APP, authToken: TWILIO_E2E_AUTH_TOKEN, params });
  expect(answer.status).toBe(200);
  const stream = parseStreamTwiml(answer.body);
  expect(stream.url).toBe(`ws://127.0.0.1:${APP_PORT}/call`);
  const call = await FakeTwilioCall.connect(stream, { authToken: TWILIO_E2E_AUTH_TOKEN });
  await call.until((c) => c.stats.mediaReceived > 10, 20_000, 'the greeting audio');

  await page.goto('/phone');
  await expect(page.getByTestId('phone-live-count')).toContainText('in progress');
  await page.getByTestId('phone-call-row').first().getByRole('link').click();
  await expect(page.getByTestId('phone-call-status')).toHaveText('In progress');
  await expect(page.getByTestId('phone-transcript')).toContainText('Cue receptionist', { timeout: 15_000 });
  await page.screenshot({ path: shotPath('phone-call-live'), fullPage: true });

  call.hangUp();
  await expect(page.getByTestId('phone-call-status')).toHaveText('Completed', { timeout: 10_000 });
  await expect(page.getByTestId('phone-events')).toContainText('ended: caller_hung_up');
  expect(call.protocolErrors).toEqual([]);
  expect(call.stats.marksEchoed).toBeGreaterThan(0);
  await page.screenshot({ path: shotPath('phone-call-done'), fullPage: true });
  await page.goto('/phone');
  await expect(page.getByTestId('phone-call-row').first()).toContainText('+14155550123');
  await page.screenshot({ path: shotPath('phone-list'), fullPage: true });
});

test('a bad or missing signature is refused on /twiml and on the /call upgrade', async () => {
  for (const signature of [null, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=']) {
    expect((await postVoiceWebhook({ appUrl: APP, publicBase: APP, authToken: TWILIO_E2E_AUTH_TOKEN, params, signature })).status).toBe(403);
  }
  const stream = { url: `ws://127.0.0.1:${APP_PORT}/call`, parameters: {} };
  await expect(FakeTwilioCall.connect(stream, { authToken: TWILIO_E2E_AUTH_TOKEN, signature: null })).rejects.toThrow('HTTP 403');
  await expect(FakeTwilioCall.connect(stream, { authToken: 'not-the-token' })).rejects.toThrow('HTTP 403');
});

test('the phone simulator calls the agent and plays its phone-quality audio', async ({ page }) => {
  await page.goto('/phone/simulator');
  await expect(page.getByTestId('sim-status')).toHaveText('Ready');
  await page.getByTestId('sim-call').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'in_call', { timeout: 15_000 });
  await expect.poll(async () => Number(await page.getByTestId('sim-heard-ms').getAttribute('data-ms')), { timeout: 20_000 }).toBeGreaterThan(1500);
  await expect.poll(async () => Number((await page.getByTestId('sim-sent').textContent())?.replace(' s', '')), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await page.screenshot({ path: shotPath('phone-simulator'), fullPage: true });
  await page.getByTestId('sim-hang-up').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'ended');
  await page.goto('/phone');
  await expect(page.getByTestId('phone-call-row').first()).toContainText('Simulator');
  await page.getByTestId('phone-call-row').first().getByRole('link').click();
  // hung up ~1.5 s into the greeting: the log has the words spoken by then
  await expect(page.getByTestId('phone-transcript')).toContainText('Hello, thanks for calling');
  await expect(page.getByTestId('phone-call-status')).toHaveText('Completed');
  await page.screenshot({ path: shotPath('phone-simulator-log'), fullPage: true });
});

test('a caller asks about an order: the agent reads it with get_order_details, the call log shows the tool call with its result; a key pressed reaches the agent', async ({ page, context, request }) => {
  // The first lookup of a fresh app seeds the demo systems of record (200k orders) first.
  test.setTimeout(300_000);
  const engine = new EngineControls(request);
  await page.goto('/phone/simulator?agent=phone-support');
  await expect(page.getByTestId('sim-status')).toHaveText('Ready');
  await page.getByTestId('sim-call').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'in_call', { timeout: 15_000 });
  await expect.poll(async () => Number(await page.getByTestId('sim-heard-ms').getAttribute('data-ms')), { timeout: 20_000 }).toBeGreaterThan(1000);
  const session = await engine.waitForOpenSession();
  await engine.utterance('hi, my order 4411-2093 never arrived', session);

  const log = await context.newPage();
  await log.goto('/phone');
  await log.getByTestId('phone-call-row').first().getByRole('link').click();
  await expect(log.getByTestId('phone-call-status')).toHaveText('In progress');
  const tools = log.getByTestId('phone-tool-calls');
  await expect(tools).toContainText('get_order_details ok', { timeout: 240_000 });
  await expect(tools).toContainText('args {"order_number":"4411-2093"}');
  await expect(tools).toContainText('"orderNumber":"4411-2093"');
  await expect(tools).toContainText('"carrier":"UPS"');
  await expect(log.getByTestId('phone-transcript')).toContainText('Order 4411-2093 is', { timeout: 20_000 });

  // A key pressed on the simulator's keypad reaches the agent as a keypress (DTMF) and is logged.
  await page.getByTestId('sim-key-5').click();
  await expect(log.getByTestId('phone-events')).toContainText('dtmf: 5', { timeout: 10_000 });
  await expect(log.getByTestId('phone-transcript')).toContainText('You pressed 5.', { timeout: 20_000 });
  await log.screenshot({ path: shotPath('phone-call-lookup'), fullPage: true });
  await page.screenshot({ path: shotPath('phone-simulator-keypad'), fullPage: true });

  await page.getByTestId('sim-hang-up').click();
  await expect(log.getByTestId('phone-call-status')).toHaveText('Completed', { timeout: 10_000 });
  await log.close();
});
