import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { APP_PORT, ENGINE_PORT as E2E_ENGINE_PORT, KEY_CANARY } from '../playwright.config';
import { fillSetup } from './support/accounts';
import { PracticePage } from './support/practice-page';

/**
 * Kill the server mid-call: a second app (`npm start`, same build, its own port, engine
 * and data directory) is SIGKILLed while a call is running, then started again. What was
 * said before the kill is in the database: the session is listed as unfinished with its
 * utterances, and can still be ended for a debrief.
 */

// Beside this run's own ports, so parallel runs on other ports do not collide.
const PORT = APP_PORT + 1000;
const ENGINE_PORT = E2E_ENGINE_PORT + 1000;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = '.data/e2e-kill';

function startServer(): ChildProcess {
  const child = spawn('npm', ['start'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      OPENAI_API_KEY: KEY_CANARY,
      CUE_REALTIME_BACKEND: 'local',
      CUE_ENGINE_PORT: String(ENGINE_PORT),
      CUE_ENGINE_URL: `ws://127.0.0.1:${ENGINE_PORT}/v1/realtime`,
      CUE_ENGINE_SECRET: 'e2e-kill-engine-secret',
      CUE_ENGINE_TEST_CONTROLS: '1',
      CUE_MINT_RATE_LIMIT_PER_MINUTE: '1000',
      CUE_DATA_DIR: DATA_DIR,
    },
  });
  return child;
}

async function waitUntilUp(): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the second server did not come up on ${BASE}`);
}

function killHard(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGKILL');
}

let server: ChildProcess | null = null;

test.afterEach(() => {
  if (server) killHard(server);
  server = null;
});

test('items said before the server is killed are in the database after a restart', async ({ page }) => {
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = startServer();
  await waitUntilUp();
  // Its own fresh data dir: the owner is created there first (the session cookie survives the restart below).
  await page.goto(`${BASE}/practice`);
  await expect(page).toHaveURL(/\/setup$/);
  await fillSetup(page, { name: 'Kill Owner', email: 'kill.owner@e2e.cue.test', password: 'kill-owner-password' });
  await expect(page.getByTestId('nav-account')).toContainText('Kill Owner');

  await page.goto(`${BASE}/practice`);
  const practice = new PracticePage(page);
  await practice.card('municipal-coo-sic').getByLabel('Type instead of speaking').check();
  await practice.card('municipal-coo-sic').getByTestId('start-call').click();
  await expect(practice.call).toHaveAttribute('data-phase', 'live');
  const sessionId = page.url().split('/').at(-1) ?? '';
  await expect(practice.item('assistant').first()).toContainText('Seventy-eight percent');
  await practice.clientDone();
  await practice.type('I own this gap. Maria Lopez will fix North depot by 14 June.');
  await expect(practice.item('assistant').last()).toContainText('Maria Lopez by 14 June — fine.');
  await practice.clientDone();

  // Saved as they completed: the history page (another request) already lists three utterances.
  const history = await page.context().newPage();
  await expect
    .poll(async () => {
      await history.goto(`${BASE}/history/${sessionId}`);
      return history.getByTestId('session-utterance').count();
    })
    .toBe(3);

  killHard(server);
  server = null;
  await expect.poll(async () => fetch(`${BASE}/`).then(() => 'up', () => 'down')).toBe('down');
  // The first tab would try to reconnect to the restarted server; close it so only the database speaks.
  await page.close();

  server = startServer();
  await waitUntilUp();
  await history.goto(`${BASE}/history`);
  const row = history.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
  await expect(row).toHaveAttribute('data-status', 'unfinished');
  await expect(row.getByTestId('unfinished-badge')).toBeVisible();
  await expect(row).toContainText('3 utterances');
  await row.click();
  await expect(history.getByTestId('unfinished-note')).toBeVisible();
  await expect(history.getByTestId('session-transcript')).toContainText('I own this gap. Maria Lopez will fix North depot by 14 June.');
  await expect(history.getByTestId('session-transcript')).toContainText('Seventy-eight percent');
  await expect(history.getByTestId('session-transcript').getByTestId('turn-tag')).toHaveCount(2);

  // The interrupted call can still be ended for a debrief.
  await history.getByTestId('resume-link').click();
  await expect(history.getByTestId('call-interrupted')).toContainText('3 utterances were saved');
  await history.getByTestId('end-interrupted-button').click();
  await expect(history.getByTestId('debrief-source')).toHaveText('Offline rubric (no AI)');
});
