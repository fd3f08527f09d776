import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { KEY_CANARY } from '../playwright.config';
import { EngineControls } from './support/engine-controls';
import { LivePage } from './support/live-page';

test.afterEach(async ({ request }) => {
  await new EngineControls(request).clearFaults();
});

test('home page says what Cue does and leads to both uses', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('voice coach');
  await page.getByTestId('home-live-link').click();
  await expect(page).toHaveURL(/\/live$/);
  await expect(page.getByTestId('backend-badge')).toHaveText(/Local engine: offline speech, scripted replies/);
});

test('connect, hear an injected utterance, get a streamed spoken reply, disconnect', async ({ page, request }) => {
  const live = new LivePage(page);
  const engine = new EngineControls(request);
  await live.open('practice-partner');
  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  await live.connectAndWait();
  await engine.waitForOpenSession();

  await engine.utterance('We shipped the pilot in March');
  await expect(live.item('user').last()).toContainText('We shipped the pilot in March');
  await expect(live.item('assistant').last()).toContainText('You said: "We shipped the pilot in March"');

  await live.input.fill('How should I open the meeting?');
  await live.send.click();
  await expect(live.item('user').last()).toContainText('How should I open the meeting?');
  await expect(live.status).toHaveAttribute('data-status', 'speaking');
  await expect(live.item('assistant').last()).toContainText('How should I open the meeting?');
  await expect(live.item('assistant').last()).toContainText('saw 3 messages');
  await page.screenshot({ path: 'test-results/shots/live-mid-conversation.png', fullPage: true });
  await expect(live.status).toHaveAttribute('data-status', /listening|connected/, { timeout: 20_000 });

  const sent = await engine.received('conversation.item.create');
  expect(JSON.stringify(sent.at(-1))).toContain('How should I open the meeting?');
  expect((await engine.received('input_audio_buffer.append')).length).toBeGreaterThan(0);

  await live.disconnect.click();
  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  await expect.poll(async () => (await engine.sessions()).filter((s) => s.open).length).toBe(0);
  await expect(live.items.first()).toBeVisible();
});

test('an engine that refuses the connection is shown as a clear error, and retry works', async ({ page, request }) => {
  const live = new LivePage(page);
  const engine = new EngineControls(request);
  await engine.faults({ refuseConnections: true });
  await live.open();
  await live.connect.click();
  await expect(live.error).toBeVisible();
  await expect(live.error).not.toHaveText('');
  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  await engine.clearFaults();
  await live.connectAndWait();
  await expect(live.error).toBeHidden();
});

test('an upstream error event is shown in words', async ({ page, request }) => {
  const live = new LivePage(page);
  const engine = new EngineControls(request);
  await live.open();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  await engine.error({ code: 'server_error', message: 'The engine had a hiccup' });
  await expect(live.error).toContainText(/hiccup|error/i);
});

test('the OpenAI key never reaches the browser', async ({ page }) => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk('.next/static');
  expect(files.length).toBeGreaterThan(5);
  const leaks = files.filter((f) => {
    const text = readFileSync(f, 'latin1');
    return text.includes(KEY_CANARY) || /sk-[A-Za-z0-9_-]{20,}/.test(text);
  });
  expect(leaks).toEqual([]);
  for (const route of ['/', '/live']) {
    const res = await page.goto(route);
    expect(await res?.text()).not.toContain(KEY_CANARY);
  }
});
