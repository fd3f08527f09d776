import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { shotPath } from './support/shots';
import { APP_ORIGIN, HOST_ORIGIN, createSite, openWidget, startHostSite } from './support/website-host';

/**
 * The website widget embedded in a page on a second loopback origin: the admin sets up a site
 * and its knowledge, a visitor asks a question (answered from the knowledge base, with its link)
 * and leaves their details; another origin can neither frame nor mint; the per-IP limit is
 * told in words; the session limit and the daily budget end a session with their messages; a blocked microphone falls back to typing; text mode never asks for the mic.
 */
const HOURS_MD = '# Opening hours\n## Weekdays\nWe answer the phone from 9 to 17.\n## Weekends\nClosed on weekends.';

let host: Server;
test.beforeAll(async () => {
  host = await startHostSite();
});
test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

test.describe.configure({ mode: 'serial' });

test('admin: a site with zod field errors, then created, its knowledge uploaded and tried', async ({ page }) => {
  await page.goto('/admin/sites/new');
  const form = page.getByTestId('site-form');
  await form.getByLabel('Site id').fill('Bad Id');
  await form.getByLabel(/Allowed origins/).fill('example.com/path');
  await form.getByLabel('Sessions per visitor IP per minute').fill('0');
  await form.getByRole('button', { name: 'Create site' }).click();
  await expect(page.getByTestId('error-id')).toContainText('2-40 lowercase letters');
  await expect(page.getByTestId('error-allowedOrigins')).toContainText('scheme://host[:port]');
  await expect(page.getByTestId('error-name')).toContainText('Give the site a name');
  await expect(page.getByTestId('error-limits.perIpPerMinute')).toContainText('At least 1');
  await page.screenshot({ path: shotPath('website-admin-site-errors'), fullPage: true });

  await createSite(page, { id: 'e2e-shop', name: 'E2E Shop', origins: [HOST_ORIGIN], perIp: 30 });
  const ingest = page.getByTestId('ingest-form');
  await ingest.getByLabel(/Page or sitemap URLs/).fill(`${HOST_ORIGIN}/pricing.html\n${HOST_ORIGIN}/private/secret.html`);
  await ingest.locator('input[type=file]').setInputFiles({ name: 'hours.md', mimeType: 'text/markdown', buffer: Buffer.from(HOURS_MD) });
  await ingest.getByRole('button', { name: 'Ingest' }).click();
  await expect(page.getByTestId('ingest-results')).toContainText('upload:hours.md: 2 added, 0 updated, 0 unchanged, 0 removed');
  await expect(page.getByTestId('ingest-results')).toContainText(`${HOST_ORIGIN}/pricing.html: 3 added`);
  await expect(page.getByTestId('ingest-results')).toContainText(`${HOST_ORIGIN}/private/secret.html: is disallowed by the site's robots.txt`);
  // The sources list and the chunk count follow the ingest without a reload.
  await expect(page.getByTestId('sources')).toContainText(`${HOST_ORIGIN}/pricing.html · Pricing · 3 chunks`);
  await expect(page.getByTestId('sources')).toContainText('upload:hours.md · Opening hours · 2 chunks');
  await expect(page.getByRole('heading', { name: 'Knowledge base (5 chunks)' })).toBeVisible();
  // Re-ingesting the same file changes nothing.
  await ingest.locator('input[type=file]').setInputFiles({ name: 'hours.md', mimeType: 'text/markdown', buffer: Buffer.from(HOURS_MD) });
  await ingest.getByLabel(/Page or sitemap URLs/).fill('');
  await ingest.getByRole('button', { name: 'Ingest' }).click();
  await expect(page.getByTestId('ingest-results')).toContainText('upload:hours.md: 0 added, 0 updated, 2 unchanged, 0 removed');
  await page.getByTestId('try-question').getByRole('textbox').fill('how much is the workshop');
  await page.getByTestId('try-question').getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('try-hits').locator('li').first()).toContainText('Pricing > Workshop price');
  const availability = page.getByTestId('availability-form');
  await availability.getByLabel('First slot (UTC)').fill('2030-01-15T10:00');
  await availability.getByLabel('Slots', { exact: true }).fill('3');
  await availability.getByRole('button', { name: 'Add slots' }).click();
  await expect(availability).toContainText('3 slots added.');
  await expect(page.getByTestId('slots')).toContainText('Tue 15 Jan, 10:30 UTC');
  await page.screenshot({ path: shotPath('website-admin-site'), fullPage: true });
  await page.goto('/admin/sites');
  await expect(page.getByTestId('sites-table')).toContainText('E2E Shop');
  await expect(page.getByTestId('sites-table')).toContainText('Northwind Advisory (demo)');
  await page.screenshot({ path: shotPath('website-admin-sites'), fullPage: true });
});

test('the demo site works on the app\'s own origin, its knowledge ingested on first run', async ({ page }) => {
  await page.goto('/demo-site/pricing.html');
  await page.locator('[data-cue-widget="demo"] button').click();
  const widget = page.frameLocator('[data-cue-widget="demo"] iframe');
  await widget.getByRole('button', { name: 'Type instead' }).click();
  await widget.getByTestId('message-input').fill('How much is the coaching?');
  await widget.getByTestId('send-button').click();
  await expect(widget.locator('[data-role="assistant"]').last()).toContainText('1,200 euros per leader per month', { timeout: 20_000 });
  await expect(widget.getByTestId('widget-sources').getByRole('link').first()).toHaveAttribute('href', '/demo-site/pricing.html');
  await page.screenshot({ path: shotPath('website-demo-site') });
});

test('allowed origin: open, consent, a question answered from the knowledge base with its link, a lead captured, a call booked', async ({ page }) => {
  const widget = await openWidget(page, 'e2e-shop');
  await expect(widget.getByTestId('widget-consent')).toBeVisible();
  await page.screenshot({ path: shotPath('website-widget-consent') });
  await widget.getByRole('button', { name: 'Allow microphone and talk' }).click();
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'live');
  await expect(widget.getByText('Listening… speak any time.')).toBeVisible();

  await widget.getByTestId('message-input').fill('How much does the workshop cost?');
  await widget.getByTestId('send-button').click();
  const answer = widget.locator('[data-role="assistant"]').last();
  await expect(answer).toContainText(/^From the page "Pricing": .*workshop costs 4,800 euros for up to twelve people/, { timeout: 20_000 });
  await expect(widget.getByTestId('widget-sources').getByRole('link', { name: 'Pricing > Workshop price' })).toHaveAttribute('href', `${HOST_ORIGIN}/pricing.html`);
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-conversation-phase', 'positioning');
  await page.screenshot({ path: shotPath('website-widget-answer') });

  await widget.getByTestId('message-input').fill('Please get in touch with me about a workshop');
  await widget.getByTestId('send-button').click();
  const lead = widget.getByTestId('lead-form');
  await expect(lead).toBeVisible();
  await lead.getByLabel('Email').fill('not-an-email');
  await lead.getByLabel('Name').fill('Ada Lovelace');
  await lead.getByLabel(/I agree/).check();
  await lead.getByRole('button', { name: 'Send my details' }).click();
  await expect(lead).toContainText('That email address does not look right');
  await lead.getByLabel('Email').fill('ada@example.com');
  await lead.getByLabel('Company').fill('Analytical Engines');
  await lead.getByRole('button', { name: 'Send my details' }).click();
  await expect(widget.getByTestId('lead-saved')).toContainText('Thanks, Ada Lovelace');
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-conversation-phase', 'close');
  await expect(widget.locator('[data-role="assistant"]').last()).toContainText('Thank you, Ada Lovelace.', { timeout: 20_000 });
  await page.screenshot({ path: shotPath('website-widget-lead') });

  await widget.getByTestId('message-input').fill('Can I book a discovery call?');
  await widget.getByTestId('send-button').click();
  await expect(widget.locator('[data-role="assistant"]').last()).toContainText('The next free slots are Tue 15 Jan, 10:00 UTC', { timeout: 20_000 });
  await widget.getByTestId('widget-slots').getByRole('button', { name: 'Tue 15 Jan, 10:15 UTC' }).click();
  const booking = widget.getByTestId('booking-form');
  await booking.getByLabel('Name').fill('Ada Lovelace');
  await booking.getByLabel('Email').fill('ada@example.com');
  await booking.getByRole('button', { name: 'Book this time' }).click();
  await expect(widget.getByTestId('booking-confirmed')).toContainText('Booked: Tue 15 Jan, 10:15 UTC. A confirmation goes to ada@example.com.');
  const ics = await widget.getByRole('link', { name: 'Add to my calendar (.ics)' }).getAttribute('href');
  expect(decodeURIComponent(ics ?? '')).toContain('DTSTART:20300115T101500Z');
  await page.screenshot({ path: shotPath('website-widget-booking') });

  await page.goto('/admin/sites/e2e-shop');
  await expect(page.getByTestId('leads-table')).toContainText('ada@example.com');
  await expect(page.getByTestId('crm-outbox')).toContainText('CRM webhook: not set (CUE_CRM_WEBHOOK_URL); 2 waiting in the outbox');
  await page.getByRole('heading', { name: 'Dashboard' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('website-admin-dashboard') });
  await expect(page.getByTestId('bookings-table')).toContainText('2030-01-15 10:15 UTC');
  const csv = await page.request.get('/admin/sites/e2e-shop/leads.csv');
  expect(await csv.text()).toContain('"Ada Lovelace","ada@example.com","Analytical Engines"');
  const bookingsCsv = await page.request.get('/admin/sites/e2e-shop/bookings.csv');
  expect(await bookingsCsv.text()).toContain('"2030-01-15T10:15:00.000Z","Ada Lovelace","ada@example.com"');
});

test('a disallowed origin cannot frame the widget and cannot mint', async ({ page, request }) => {
  // The demo site allows only the app's own origin.
  const policy = await request.get('/embed/demo');
  // The app's whole policy (lib/server/security-headers.ts), ending in the site's own frame-ancestors.
  expect(policy.headers()['content-security-policy']).toMatch(/^default-src 'self'; .*; frame-ancestors 'self'$/);
  expect(policy.headers()['x-frame-options']).toBeUndefined();
  expect((await request.get('/embed/e2e-shop')).headers()['content-security-policy']).toMatch(new RegExp(`; frame-ancestors ${HOST_ORIGIN}$`));

  await openWidget(page, 'demo');
  await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-error://'))).toBe(true);
  expect(page.frames().some((f) => f.url().includes('/embed/demo'))).toBe(false);

  const direct = await request.post('/api/widget/mint', { headers: { origin: HOST_ORIGIN }, data: { siteId: 'e2e-shop', hostOrigin: HOST_ORIGIN, mode: 'text' } });
  expect(direct.status()).toBe(403);
  expect((await direct.json()).error).toEqual({ code: 'origin_not_allowed', message: 'This website is not allowed to use this assistant.' });
  const claimed = await request.post('/api/widget/mint', { headers: { origin: APP_ORIGIN }, data: { siteId: 'demo', hostOrigin: HOST_ORIGIN, mode: 'text' } });
  expect(claimed.status()).toBe(403);
  const unknown = await request.post('/api/widget/mint', { headers: { origin: APP_ORIGIN }, data: { siteId: 'no-such-site', hostOrigin: HOST_ORIGIN, mode: 'text' } });
  expect((await unknown.json()).error.message).toBe('This assistant is not set up: the site id is unknown.');
});

test('the per-IP limit is told in words', async ({ page }) => {
  await createSite(page, { id: 'e2e-limit', name: 'E2E Limit', origins: [HOST_ORIGIN], perIp: 1 });
  const widget = await openWidget(page, 'e2e-limit');
  await widget.getByRole('button', { name: 'Type instead' }).click();
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'live');
  await widget.getByRole('button', { name: 'End conversation' }).click();
  await widget.getByRole('button', { name: 'Start a new conversation' }).click();
  await widget.getByRole('button', { name: 'Type instead' }).click();
  await expect(widget.getByTestId('widget-message')).toContainText(/You have started several conversations in the last minute\. Please wait \d+ seconds, then try again\./);
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'refused');
  await page.screenshot({ path: shotPath('website-widget-limit') });
});

test('the session limit ends a conversation with its message, then the daily budget refuses the next one', async ({ page }) => {
  // One minute a session, one minute a day: the engine ends the first session at 60 s (the limit
  // signed into its token); the second cannot reserve its minute from the day's budget.
  test.setTimeout(150_000);
  await createSite(page, { id: 'e2e-budget', name: 'E2E Budget', origins: [HOST_ORIGIN], budgetMinutes: 1, maxSessionMinutes: 1 });
  const widget = await openWidget(page, 'e2e-budget');
  await widget.getByRole('button', { name: 'Type instead' }).click();
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'live');
  await expect(widget.getByTestId('widget-message')).toHaveText('This conversation reached its time limit of 1 minute. Start a new one if you need more help.', { timeout: 80_000 });
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'ended');
  await page.screenshot({ path: shotPath('website-widget-session-limit') });
  await widget.getByRole('button', { name: 'Start a new conversation' }).click();
  await widget.getByRole('button', { name: 'Type instead' }).click();
  await expect(widget.getByTestId('widget-message')).toHaveText("The assistant has used up today's conversation time. Please use the contact page, or try again tomorrow.");
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'refused');
  await page.screenshot({ path: shotPath('website-widget-budget') });
  // The owner sees both on the dashboard: the session ended by its time limit, the refusal.
  await page.goto('/admin/sites/e2e-budget');
  await expect(page.getByTestId('analytics')).toContainText('time limit reached: 1');
  await expect(page.getByTestId('refusals')).toContainText('daily budget used up: 1');
  await expect(page.getByTestId('drop-off')).toContainText('Opening1');
});

test('a blocked microphone falls back to text with how to re-enable it; text mode never asks for the mic', async ({ page }) => {
  // Every page and frame of the context: getUserMedia is refused, and counted.
  await page.context().addInitScript(() => {
    const w = window as unknown as { __micAsks: number };
    w.__micAsks = 0;
    navigator.mediaDevices.getUserMedia = async () => {
      w.__micAsks += 1;
      throw new DOMException('Permission denied', 'NotAllowedError');
    };
  });
  const widget = await openWidget(page, 'e2e-shop');
  await widget.getByRole('button', { name: 'Allow microphone and talk' }).click();
  await expect(widget.getByTestId('widget-fallback')).toContainText('The microphone is blocked, so we switched to typing.');
  await expect(widget.getByTestId('widget-fallback')).toContainText('In Chrome: click the icon at the left of the address bar');
  await expect(widget.getByTestId('embed-widget')).toHaveAttribute('data-mode', 'text');
  await widget.getByTestId('message-input').fill('What does coaching cost?');
  await widget.getByTestId('send-button').click();
  await expect(widget.locator('[data-role="assistant"]').last()).toContainText('1,200 euros', { timeout: 20_000 });
  await page.screenshot({ path: shotPath('website-widget-fallback') });
  expect(await widget.locator('body').evaluate(() => (window as unknown as { __micAsks: number }).__micAsks)).toBeGreaterThan(0);

  const textOnly = await openWidget(await page.context().newPage(), 'e2e-shop');
  await textOnly.getByRole('button', { name: 'Type instead' }).click();
  await expect(textOnly.getByTestId('embed-widget')).toHaveAttribute('data-phase', 'live');
  await textOnly.getByTestId('message-input').fill('How much does the workshop cost?');
  await textOnly.getByTestId('send-button').click();
  await expect(textOnly.locator('[data-role="assistant"]').last()).toContainText('4,800 euros', { timeout: 20_000 });
  const asks = await textOnly.locator('body').evaluate(() => (window as unknown as { __micAsks: number }).__micAsks);
  expect(asks).toBe(0);
});
