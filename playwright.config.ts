import { defineConfig } from '@playwright/test';
import { OWNER_STATE } from './e2e/support/accounts';
import { silentWavPath } from './e2e/support/fake-audio';

/**
 * e2e: the built app (next build + npm start) on the local engine with its
 * test controls, driven in Debian's Chromium with a fake (silent) microphone.
 * OPENAI_API_KEY is set to a canary during build and run to prove it never
 * reaches the browser; CUE_REALTIME_BACKEND=local keeps every call local. After the build,
 * `npm run check:bundle` fails the run when a page's first-load JavaScript is over budget.
 * Project "setup" (e2e/auth.setup.ts) creates or signs in the owner account first; every spec
 * starts signed in as the owner (its saved storage state) unless it says otherwise.
 */
export const APP_PORT = Number(process.env.CUE_E2E_APP_PORT ?? 3107);
export const ENGINE_PORT = Number(process.env.CUE_E2E_ENGINE_PORT ?? 8797);
export const KEY_CANARY = 'sk-cue-e2e-canary-0123456789abcdef';
export const TWILIO_E2E_AUTH_TOKEN = 'e2e-twilio-auth-token';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // Only specs: e2e/support/*.test.ts are Vitest unit tests of the helpers.
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: ['microphone'],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${silentWavPath()}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', dependencies: ['setup'], use: { storageState: OWNER_STATE } },
  ],
  webServer: {
    // The budget check runs on the fresh build: a page over its first-load budget fails the run here.
    command: 'rm -rf .data/e2e && npm run build && npm run check:bundle && npm start',
    url: `http://127.0.0.1:${APP_PORT}/`,
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(APP_PORT),
      HOSTNAME: '127.0.0.1',
      OPENAI_API_KEY: KEY_CANARY,
      CUE_REALTIME_BACKEND: 'local',
      CUE_ENGINE_PORT: String(ENGINE_PORT),
      CUE_ENGINE_URL: `ws://127.0.0.1:${ENGINE_PORT}/v1/realtime`,
      CUE_ENGINE_SECRET: 'e2e-engine-secret-not-for-production',
      CUE_ENGINE_TEST_CONTROLS: '1',
      // e2e/hardening.spec.ts kills the engine: a restart wait longer than the status banner's poll shows it down.
      CUE_ENGINE_RESTART_BACKOFF_MS: '4000',
      CUE_MINT_RATE_LIMIT_PER_MINUTE: '1000',
      CUE_MINT_RATE_LIMIT_PER_IP_PER_MINUTE: '1000',
      CUE_REALTIME_MINUTES_PER_DAY: '100000',
      CUE_DATA_DIR: '.data/e2e',
      // The phone line (e2e/phone.spec.ts): a fake Twilio signs with this token for this public URL.
      CUE_PUBLIC_URL: `http://127.0.0.1:${APP_PORT}`,
      TWILIO_AUTH_TOKEN: TWILIO_E2E_AUTH_TOKEN,
      // e2e/website-widget.spec.ts ingests pages from its second loopback origin (e2e/support/website-host.ts).
      CUE_INGEST_ALLOW_HOSTS: `127.0.0.1:${Number(process.env.CUE_E2E_HOST_PORT ?? 3215)}`,
    },
  },
});
