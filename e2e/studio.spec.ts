import { expect, test, type Page } from '@playwright/test';
import { createInviteLink, joinByInvite } from './support/accounts';
import { shotPath } from './support/shots';

/**
 * The agent studio in the browser, as the owner (an admin): the seeded agents, an edit that becomes
 * a new version with its diff, a rollback, a new agent, a phone number, a bad webhook tool that keeps every edit,
 * a stale save refused, "Try it" on the local engine; and a member who cannot open the studio.
 */
test.describe.configure({ mode: 'serial' });

const AGENT = '/admin/studio/phone-support';
const run = Date.now().toString(36);
const ADDED = `Always offer a callback within one working day (${run}).`;

const version = (page: Page) => page.getByTestId('studio-current-version');
const instructions = (page: Page) => page.getByLabel('Instructions');

async function save(page: Page) {
  await page.getByTestId('studio-save').click();
}

test('the studio lists the seeded built-in agents', async ({ page }) => {
  await page.goto('/admin');
  await page.getByTestId('admin-studio-link').click();
  await expect(page).toHaveURL(/\/admin\/studio$/);
  await expect(page.getByTestId('studio-agent-phone-receptionist')).toContainText('Receptionist');
  await expect(page.getByTestId('studio-agent-phone-support')).toContainText('Support line');
  await page.screenshot({ path: shotPath('studio-list'), fullPage: true });
});

test('a new agent starts as a copy of an existing one; a taken id says so', async ({ page }) => {
  await page.goto('/admin/studio');
  const form = page.getByTestId('new-agent');
  await form.getByLabel('Id').fill('phone-support');
  await form.getByLabel('Name').fill('Copy');
  await form.getByTestId('new-agent-create').click();
  await expect(page.getByTestId('new-agent-id-error')).toContainText('taken');
  await form.getByLabel('Id').fill(`night-${run}`);
  await form.getByLabel('Name').fill('Night line');
  await form.getByLabel('Start from').selectOption('phone-support');
  await form.getByTestId('new-agent-create').click();
  await expect(page).toHaveURL(new RegExp(`/admin/studio/night-${run}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Night line');
  await expect(version(page)).toHaveText('1');
  await expect(page.getByTestId('version-1')).toContainText('Olive Owner');
});

test('an edit to the instructions is a new version with a diff; a rollback restores the old text as a newer version', async ({ page }) => {
  await page.goto(AGENT);
  const start = Number(await version(page).textContent());
  const original = await instructions(page).inputValue();
  await instructions(page).fill(`${original}\n${ADDED}`);
  await save(page);
  await expect(version(page)).toHaveText(String(start + 1));
  const newest = page.getByTestId(`version-${start + 1}`);
  await expect(newest).toContainText('Olive Owner');
  await expect(newest.getByTestId('version-diff')).toContainText(`+ ${ADDED}`);
  await expect(newest.getByTestId('version-diff')).not.toContainText('- When the caller is done');
  await expect(instructions(page)).toHaveValue(`${original}\n${ADDED}`);
  await page.screenshot({ path: shotPath('studio-editor-diff'), fullPage: true });

  await page.getByTestId(`version-${start}`).getByTestId('rollback').click();
  await page.getByTestId(`version-${start}`).getByTestId('rollback-confirm').click();
  await expect(version(page)).toHaveText(String(start + 2));
  await expect(instructions(page)).toHaveValue(original);
  await expect(page.getByTestId(`version-${start + 2}`)).toContainText(`rolled back to v${start}`);
  await expect(page.getByTestId(`version-${start + 2}`).getByTestId('version-diff')).toContainText(`- ${ADDED}`);
});

test('a phone number maps in E.164; a bad one says why', async ({ page }) => {
  await page.goto(AGENT);
  const panel = page.getByTestId('phone-numbers');
  await panel.getByLabel('Add a number').fill('415 555');
  await panel.getByTestId('map-number').click();
  await expect(panel.getByRole('alert')).toContainText('E.164');
  const number = `+1415555${String(Date.now() % 10_000).padStart(4, '0')}`;
  await panel.getByLabel('Add a number').fill(`${number.slice(0, 2)} ${number.slice(2, 5)} ${number.slice(5)}`);
  await panel.getByTestId('map-number').click();
  await expect(panel.getByTestId('mapped-numbers')).toContainText(number);
  await page.goto('/admin/studio');
  await expect(page.getByTestId('studio-agent-phone-support')).toContainText(number);
});

test('a bad webhook tool shows its field error and loses nothing; fixed, it saves without echoing the secret', async ({ page }) => {
  await page.goto(AGENT);
  const start = Number(await version(page).textContent());
  const original = await instructions(page).inputValue();
  await instructions(page).fill(`${original}\nUse order_status for delivery questions.`);
  await page.getByTestId('add-webhook').click();
  const tool = page.getByTestId('webhook-0');
  await tool.getByLabel('Name').fill('order_status');
  await tool.getByLabel('Description').fill('Look up the delivery status of an order.');
  await tool.getByLabel('URL').fill('ftp://hooks.example.com/status');
  await tool.getByLabel('Secret header (optional)').fill('X-Api-Key');
  await tool.getByLabel('Secret value').fill('sk-e2e-hidden-value-77');
  await save(page);
  await expect(page.getByTestId('webhook-0-url-error')).toContainText('http:// or https://');
  await expect(page.getByTestId('studio-save-error')).toContainText('Nothing was saved');
  await expect(version(page)).toHaveText(String(start));
  await expect(instructions(page)).toHaveValue(`${original}\nUse order_status for delivery questions.`);
  await expect(tool.getByLabel('Description')).toHaveValue('Look up the delivery status of an order.');
  await page.screenshot({ path: shotPath('studio-webhook-error'), fullPage: true });

  await tool.getByLabel('URL').fill('https://hooks.example.com/status');
  await save(page);
  await expect(version(page)).toHaveText(String(start + 1));
  await expect(page.getByTestId('webhook-0').getByLabel('Secret value')).toHaveAttribute('placeholder', '••••77');
  expect(await page.content()).not.toContain('sk-e2e-hidden-value-77');
});

test('a save based on a version someone else replaced is refused, and the edit stays in the form', async ({ page, context }) => {
  await page.goto(AGENT);
  const other = await context.newPage();
  await other.goto(AGENT);
  const start = Number(await version(page).textContent());
  await page.getByLabel('Greeting').fill('Hello from the first tab, how can I help?');
  await save(page);
  await expect(version(page)).toHaveText(String(start + 1));

  await other.getByLabel('Greeting').fill('Hello from the stale tab.');
  await save(other);
  await expect(other.getByTestId('studio-stale')).toContainText(`version ${start + 1}`);
  await expect(other.getByLabel('Greeting')).toHaveValue('Hello from the stale tab.');
  await expect(version(other)).toHaveText(String(start));
  await other.close();
});

test('"Try it" connects to the local engine: the agent speaks first, answers a typed turn, and takes a saved change live', async ({ page }) => {
  await page.goto(AGENT);
  const panel = page.getByTestId('try-it');
  await panel.getByTestId('try-text').click();
  await expect(panel.getByTestId('try-status')).toContainText(/Live|speaking/);
  await expect(panel.getByTestId('try-line-assistant').first()).not.toBeEmpty({ timeout: 20_000 });
  // The agent's own (saved) greeting, word for word as on a call, not the engine's generic one.
  const greeting = await page.getByLabel('Greeting').inputValue();
  expect(greeting).not.toBe('Hello, thanks for calling. How can I help you today?');
  await expect(panel.getByTestId('try-line-assistant').first()).toHaveText(`Agent: ${greeting}`);
  await panel.getByTestId('try-input').fill('Hello, I am calling back');
  await panel.getByTestId('try-send').click();
  await expect(panel.getByTestId('try-line-user')).toContainText('Hello, I am calling back');
  await expect(panel.getByTestId('try-line-assistant').nth(1)).toContainText('Hello, I am calling back', { timeout: 20_000 });
  await page.screenshot({ path: shotPath('studio-try-it'), fullPage: true });

  // A save during the chat is applied to it, as on a live call.
  const saved = Number(await version(page).textContent());
  await instructions(page).fill(`${await instructions(page).inputValue()}\nMention the callback service.`);
  await save(page);
  await expect(version(page)).toHaveText(String(saved + 1));
  await expect(panel.getByTestId('try-status')).toHaveText(`Live · version ${saved + 1}`, { timeout: 15_000 });
  await expect(panel.getByTestId('try-update-error')).toHaveCount(0);
  await panel.getByTestId('try-input').fill('Still with me, thanks');
  await panel.getByTestId('try-send').click();
  await expect(panel.getByTestId('try-line-assistant').nth(2)).toContainText('Still with me, thanks', { timeout: 20_000 });
  await panel.getByTestId('try-stop').click();
  await expect(panel.getByTestId('try-status')).toHaveText('Not connected');
});

test('"Try it" runs a lookup on the server: an order number typed is read from the order system and spoken', async ({ page }) => {
  // The first lookup of a fresh app seeds the demo systems of record (200k orders) first.
  test.setTimeout(300_000);
  await page.goto(AGENT);
  const panel = page.getByTestId('try-it');
  await panel.getByTestId('try-text').click();
  await expect(panel.getByTestId('try-line-assistant').first()).toHaveText(`Agent: ${await page.getByLabel('Greeting').inputValue()}`, { timeout: 20_000 });
  await panel.getByTestId('try-input').fill('my order is 4411-2093');
  await panel.getByTestId('try-send').click();
  const run = panel.getByTestId('try-tool-run').filter({ hasText: 'get_order_details' });
  await expect(run).toHaveAttribute('data-ok', 'true', { timeout: 240_000 });
  await expect(run).toContainText('"orderNumber":"4411-2093"');
  await expect(run).toContainText('"carrier":"UPS"');
  await expect(panel.getByTestId('try-line-assistant').filter({ hasText: 'Order 4411-2093 is' })).toContainText('UPS', { timeout: 20_000 });
  await page.screenshot({ path: shotPath('studio-try-it-lookup'), fullPage: true });
  await panel.getByTestId('try-stop').click();
});

test('the studio fits a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/admin/studio', AGENT]) {
    await page.goto(path);
    await expect(page.getByTestId(path === AGENT ? 'studio-editor' : 'studio-agent-list')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: shotPath('studio-editor-390'), fullPage: true });
});

test('a member cannot open the studio', async ({ page, browser }) => {
  const link = await createInviteLink(page, 'member');
  const member = await joinByInvite(browser, link, { name: 'Milo Member', email: `milo.${run}@e2e.cue.test`, password: 'milo-password-123' });
  await member.goto('/admin/studio');
  await expect(member).toHaveURL(/\/\?not=admin$/);
  await member.goto(AGENT);
  await expect(member).toHaveURL(/\/\?not=admin$/);
  await member.context().close();
});
