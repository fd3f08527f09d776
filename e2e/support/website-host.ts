import { createServer, type Server } from 'node:http';
import type { Page, FrameLocator } from '@playwright/test';
import { expect } from '@playwright/test';
import { APP_PORT } from '../../playwright.config';

/**
 * A second loopback origin (another "website") that embeds the widget:
 * http://127.0.0.1:<CUE_E2E_HOST_PORT|3215>/site/<site id> is a page with the widget's script tag.
 */
const HOST_PORT = Number(process.env.CUE_E2E_HOST_PORT ?? 3215);
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;

/** The host site's own pages, for the knowledge base (fetched by the app's server), and its robots.txt. */
const HOST_PAGES: Record<string, string> = {
  '/robots.txt': 'User-agent: *\nDisallow: /private/\n',
  '/pricing.html': `<!doctype html><html><head><title>Pricing | E2E Shop</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
    <main><article><h1>Pricing</h1><p>Our prices are published so that you know what you pay before you call us.</p>
    <h2>Workshop price</h2><p>The executive workshop costs 4,800 euros for up to twelve people, including preparation and a written summary.</p>
    <h2>Coaching price</h2><p>Coaching costs 1,200 euros per leader per month, and you can cancel any month.</p></article></main>
    <footer>Copyright E2E Shop. Imprint.</footer></body></html>`,
  '/private/secret.html': '<html><body><h1>Secret</h1><p>Not for robots.</p></body></html>',
};

export function startHostSite(): Promise<Server> {
  const server = createServer((req, res) => {
    const page = HOST_PAGES[req.url ?? ''];
    if (page) {
      res.writeHead(200, { 'content-type': req.url === '/robots.txt' ? 'text/plain' : 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    const m = /^\/site\/([a-z0-9-]+)$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Host ${m[1]}</title></head><body style="font-family:sans-serif;background:#f4f1ea">
      <h1>Another website</h1><p>It embeds the Cue widget for site ${m[1]}.</p>
      <script src="${APP_ORIGIN}/widget.js" data-site="${m[1]}" async></script></body></html>`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(HOST_PORT, '127.0.0.1', () => resolve(server));
  });
}

/** Open the host page, click the launcher (inside its shadow root), return the widget's frame. */
export async function openWidget(page: Page, siteId: string): Promise<FrameLocator> {
  await page.goto(`${HOST_ORIGIN}/site/${siteId}`);
  const launcher = page.locator(`[data-cue-widget="${siteId}"] button`);
  await expect(launcher).toBeVisible();
  await launcher.click();
  const frame = page.frameLocator(`[data-cue-widget="${siteId}"] iframe`);
  return frame;
}

/** Create a site through the admin form. */
export async function createSite(page: Page, site: { id: string; name: string; origins: string[]; perIp?: number; budgetMinutes?: number; maxSessionMinutes?: number }): Promise<void> {
  await page.goto('/admin/sites/new');
  const form = page.getByTestId('site-form');
  await form.getByLabel('Site id').fill(site.id);
  await form.getByLabel('Name').fill(site.name);
  await form.getByLabel(/Allowed origins/).fill(site.origins.join('\n'));
  if (site.perIp) await form.getByLabel('Sessions per visitor IP per minute').fill(String(site.perIp));
  if (site.budgetMinutes) await form.getByLabel('Daily budget (realtime minutes)').fill(String(site.budgetMinutes));
  if (site.maxSessionMinutes) await form.getByLabel('Maximum session length (minutes)').fill(String(site.maxSessionMinutes));
  await form.getByRole('button', { name: 'Create site' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/sites/${site.id}$`));
}
