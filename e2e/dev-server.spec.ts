import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fillSetup } from './support/accounts';
import { LivePage } from './support/live-page';

/**
 * `npm run dev` opened on 127.0.0.1 (not localhost), as a new user would after `npm install && npm run dev`.
 * Next's dev server blocks cross-origin requests to its dev resources (HMR, server actions) from hosts
 * that are not allowed; the app must work there: Connect connects and the page does not reload itself.
 */
const DEV_PORT = Number(process.env.CUE_E2E_DEV_PORT ?? 3127);
const DEV_ENGINE_PORT = Number(process.env.CUE_E2E_DEV_ENGINE_PORT ?? 8827);
const DATA_DIR = '.data/e2e-dev';

let dev: ChildProcess | undefined;
let log = '';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/run.ts', 'dev', '--port', String(DEV_PORT)], {
    env: {
      ...process.env,
      OPENAI_API_KEY: '',
      CUE_REALTIME_BACKEND: 'local',
      CUE_ENGINE_PORT: String(DEV_ENGINE_PORT),
      CUE_ENGINE_URL: `ws://127.0.0.1:${DEV_ENGINE_PORT}/v1/realtime`,
      CUE_DATA_DIR: DATA_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  dev.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${DEV_PORT}/live`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`npm run dev did not answer on 127.0.0.1:${DEV_PORT}:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
});

test.afterAll(() => {
  if (dev?.pid) {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

test('npm run dev on 127.0.0.1: Connect works, HMR is not blocked, the page does not reload itself', async ({ browser }) => {
  // A fresh data dir: the first visitor is led to create the owner account, then straight into the app.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${DEV_PORT}/live`);
  await expect(page).toHaveURL(/\/setup$/, { timeout: 120_000 });
  await fillSetup(page, { name: 'Dev Owner', email: 'dev.owner@e2e.cue.test', password: 'dev-owner-password-1' });
  await expect(page.getByTestId('nav-account')).toContainText('Dev Owner', { timeout: 60_000 });
  const live = new LivePage(page);
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(`http://127.0.0.1:${DEV_PORT}/live`);
  await expect(live.connect).toBeEnabled({ timeout: 120_000 });
  await live.connect.click();
  await expect(live.status).toHaveAttribute('data-status', /listening|connected/, { timeout: 60_000 });
  await live.disconnect.click();
  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  // A blocked HMR socket makes the dev client reload the page after ~40 s; watch for longer than a reconnect cycle.
  await page.waitForTimeout(5_000);
  expect(loads).toBe(1);
  expect(log).not.toMatch(/Blocked cross-origin request/);
  await context.close();
});
