import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { HintEngine } from './support/engine-controls';
import { HintsPage } from './support/hints-page';

/**
 * A meeting is not lost: the transcript survives a reload and a reconnect, leaving a
 * connected call asks first, and a finished meeting is saved under Past meetings.
 */

test.afterEach(async ({ request }) => {
  await new HintEngine(request).clearFaults();
});

async function connected(page: Page, request: APIRequestContext) {
  const live = new HintsPage(page);
  const engine = new HintEngine(request);
  await live.seedSettings({ ...cloneDefaultSettings(), cooldownSeconds: 0 });
  await live.openHints();
  await live.connectAndWait();
  await engine.waitForOpenSession();
  return { live, engine };
}

/** Titles are the first words said; the database is shared across tests, so make them unique. */
const unique = (words: string) => `${words} ${Date.now().toString(36)}`;

test('the transcript survives a reload; leaving a connected call asks first; the meeting then continues', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  const title = unique('Launch moved to April');
  await live.typeLine(title);
  await live.typeLine('good question');
  await expect(live.card('quick')).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });
  await expect(live.items).toHaveCount(3);

  const dialogs: string[] = [];
  page.once('dialog', async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);

  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  await expect(live.items).toHaveCount(3);
  await expect(live.item('user').first()).toContainText(title);
  await expect(live.card('quick')).toHaveAttribute('data-hint-status', 'done');
  await expect(page.getByTestId('meeting-restored')).toBeVisible();
  // The page left mid-call: the meeting is saved at once, not only on the next disconnect.
  await expect(live.meetingSaved).toBeVisible();
  await expect(live.meetingRow(title)).toHaveCount(1);
  await expect(live.connect).toHaveText('Continue meeting');

  // Connecting again continues the same meeting: the new session gets its history.
  await live.connectAndWait();
  const second = await engine.waitForOpenSession();
  await expect.poll(async () => (await engine.session(second)).conversation.length).toBe(3);
  await live.typeLine('walk me through the numbers');
  await expect(live.card('full').getByTestId('hint-text')).toContainText('Full guidance (saw 4 messages)');
  await expect(live.items).toHaveCount(5);
  await expect(live.item('user').first()).toContainText(title);

  // Ending it updates the saved meeting rather than adding a second one.
  await live.disconnect.click();
  await expect(live.meetingSaved).toBeVisible();
  await expect(live.meetingRow(title)).toHaveCount(1);
  await expect(live.meetingRow(title)).toContainText('5 lines · 2 hints');
});

test('no warning when leaving while disconnected; Disconnect then Connect keeps the transcript, New meeting clears it', async ({ page, request }) => {
  const { live, engine } = await connected(page, request);
  await live.typeLine('The pilot starts in May');
  await live.disconnect.click();
  await expect(live.status).toHaveAttribute('data-status', 'disconnected');
  await expect(live.meetingSaved).toBeVisible();

  await live.connectAndWait();
  await engine.waitForOpenSession();
  await expect(live.item('user')).toHaveCount(1);
  await live.typeLine('and ends in June');
  await expect(live.item('user')).toHaveCount(2);
  await live.disconnect.click();
  await expect(live.meetingSaved).toBeVisible();

  await live.newMeeting.click();
  await expect(live.items).toHaveCount(0);
  await expect(live.connect).toHaveText('Connect');

  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.accept();
  });
  await page.reload();
  await expect(live.connect).toBeEnabled();
  expect(dialogs).toBe(0);
  await expect(live.items).toHaveCount(0);
});

test('a finished meeting is listed under Past meetings and opens with its transcript and export', async ({ page, request }) => {
  const { live } = await connected(page, request);
  const title = unique('Budget review with finance');
  await live.typeLine(title);
  await live.typeLine("That's a good question");
  await expect(live.card('quick')).toHaveAttribute('data-hint-status', 'done', { timeout: 20_000 });
  await live.disconnect.click();
  await expect(live.meetingSaved).toBeVisible();

  const row = live.meetingRow(title);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('3 lines · 1 hint');
  await row.click();
  await expect(page).toHaveURL(/\/live\/history\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('meeting-title')).toHaveText(title);
  const lines = page.getByTestId('saved-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText(title);
  await expect(lines.nth(0)).toContainText('typed');
  await expect(lines.nth(2)).toHaveAttribute('data-role', 'hint');
  await expect(lines.nth(2)).toContainText('Quick hint (saw 2 messages)');
  await expect(page.getByTestId('backend-badge')).toHaveText('Local engine (scripted, no AI)');
  await live.screenshot('saved-meeting-page');

  const download = page.waitForEvent('download');
  await page.getByTestId('meeting-export-md').click();
  const md = await readFile((await (await download).path())!, 'utf8');
  expect(md).toContain(`# ${title}`);
  expect(md).toContain('- Model: Local engine (scripted, no AI)');
  expect(md).not.toContain('Voice:');
  expect(md).toMatch(/> \*\*\[\d+:\d\d\] Cue — Quick hint\*\* \(trigger: good question\): Quick hint \(saw 2 messages\)/);

  await page.getByRole('link', { name: '← Past meetings' }).click();
  await expect(live.meetingRow(title)).toHaveCount(1);
});

test('the live export says the local engine instead of a model and voice', async ({ page, request }) => {
  const { live } = await connected(page, request);
  await live.typeLine('We shipped the pilot');
  await expect(live.item('user')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('transcript-export-md').click();
  const md = await readFile((await (await download).path())!, 'utf8');
  expect(md).toContain('- Model: Local engine (scripted, no AI)');
  expect(md).not.toContain('gpt-realtime');
  expect(md).not.toContain('Voice:');
});
