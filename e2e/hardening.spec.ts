import { networkInterfaces } from 'node:os';
import { expect, test } from '@playwright/test';
import { APP_PORT, ENGINE_PORT } from '../playwright.config';
import { EngineControls } from './support/engine-controls';
import { PracticePage } from './support/practice-page';
import { shotPath } from './support/shots';

/**
 * Server hardening as a user meets it: a pasted NUL keeps the turn and its reply; the engine
 * process dies and comes back, with the page saying so meanwhile; readiness; loopback binding.
 */
const COO = 'municipal-coo-sic';
const OPENING = "I've seen the numbers.";

test.afterEach(async ({ request }) => {
  await new EngineControls(request).clearFaults();
});

test('a typed turn with a pasted NUL keeps its words, gets its reply, and is saved', async ({ page, request }) => {
  const practice = new PracticePage(page);
  const sessionId = await practice.startCall(COO);
  await new EngineControls(request).waitForOpenSession();
  await expect(practice.item('assistant').first()).toContainText(OPENING);
  await practice.clientDone();

  await practice.type('Maria Lopez will own the North depot fix by 14 June\u0000, with a weekly review every Friday.');
  await expect(practice.item('user').last()).toContainText('Maria Lopez will own the North depot fix by 14 June');
  await expect(practice.item('assistant').last()).toContainText('Maria Lopez by 14 June, with a weekly review — fine.');
  await expect(page.getByTestId('save-failed')).toHaveCount(0);
  await practice.clientDone();
  await practice.end();

  await page.goto(`/history/${sessionId}`);
  const transcript = page.getByTestId('session-transcript');
  await expect(transcript).toContainText('Maria Lopez will own the North depot fix by 14 June, with a weekly review every Friday.');
  await expect(transcript).toContainText('Maria Lopez by 14 June, with a weekly review — fine.');
});

test('the engine process dies: the page says it is restarting, then calls connect again', async ({ page, request }) => {
  test.setTimeout(90_000);
  const health = async () => (await (await request.get(`http://127.0.0.1:${ENGINE_PORT}/health`)).json()) as { pid: number };
  const { pid } = await health();
  await page.goto('/live');
  await expect(page.getByTestId('service-banner')).toHaveCount(0);

  process.kill(pid, 'SIGKILL');
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(503);
  expect(await ready.json()).toMatchObject({ ok: false, database: { ok: true }, engine: { ok: false, backend: 'local', supervised: true } });
  await expect(page.getByTestId('service-banner-engine')).toHaveText('The local engine is restarting (it stopped unexpectedly). Calls connect again in a few seconds.');
  await page.screenshot({ path: shotPath('engine-restarting-banner'), fullPage: true });

  // The supervisor brings it back (a new process); the banner goes by itself.
  await expect.poll(async () => (await request.get('/api/ready')).status(), { timeout: 45_000 }).toBe(200);
  expect((await health()).pid).not.toBe(pid);
  await expect(page.getByTestId('service-banner')).toHaveCount(0, { timeout: 15_000 });

  const practice = new PracticePage(page);
  await practice.startCall(COO);
  await expect(practice.item('assistant').first()).toContainText(OPENING);
});

test('readiness answers 200 with the database and the engine, as JSON, uncached', async ({ request }) => {
  const res = await request.get('/api/ready');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(await res.json()).toMatchObject({ ok: true, database: { ok: true }, engine: { ok: true, backend: 'local' } });
});

test('the app listens on loopback only', async ({ request }) => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  test.skip(!external, 'this machine has no non-loopback IPv4 address');
  expect((await request.get(`http://127.0.0.1:${APP_PORT}/api/ready`)).ok()).toBe(true);
  const error = await request.get(`http://${external}:${APP_PORT}/api/ready`, { timeout: 5_000 }).then(
    () => null,
    (e: unknown) => String(e),
  );
  expect(error).toMatch(/ECONNREFUSED/);
});
