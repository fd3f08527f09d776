import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BUDGETS } from '../scripts/check-bundle-budget';
import { firstLoadFiles, measureRoute, readBuildLayout } from '../scripts/bundle/first-load';
import { PracticePage } from './support/practice-page';

/**
 * The first load the budget check counts (scripts/check-bundle-budget.ts, run after the
 * build) is what the served pages really load: the same <script> files, within budget;
 * the realtime SDK is not among them and arrives on its own while the page is read.
 */

const layout = readBuildLayout('.next');
/** A string only the realtime SDK (@openai/agents-realtime) carries. */
const SDK_MARKER = 'WebSocket closed before the connection was ready.';

function scriptSrcs(html: string): string[] {
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="\/_next\/([^"]+\.js)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0])).map((m) => m[1]!);
  return [...new Set(srcs)].sort();
}

/** Script URLs the browser requests, split at the load event. */
function recordScripts(page: Page): { beforeLoad: string[]; afterLoad: string[] } {
  const seen = { beforeLoad: [] as string[], afterLoad: [] as string[], loaded: false };
  page.on('load', () => (seen.loaded = true));
  page.on('request', (req) => {
    if (req.resourceType() !== 'script') return;
    const file = new URL(req.url()).pathname.replace(/^\/_next\//, '');
    (seen.loaded ? seen.afterLoad : seen.beforeLoad).push(file);
  });
  return seen;
}

test('the pages load exactly the scripts the budget check counts, within their budgets', async ({ page, request }) => {
  const routes: [string, string][] = [['/live', '/live']];
  test.setTimeout(90_000);
  // A finished call redirects to its history: measure an open one.
  const practice = new PracticePage(page);
  const id = await practice.startCall('municipal-coo-sic', { typeOnly: true });
  routes.push(['/practice/call/[sessionId]', `/practice/call/${id}`]);
  for (const [route, url] of routes) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    const expected = [...firstLoadFiles(layout, route)].sort();
    expect(scriptSrcs(await res.text()), url).toEqual(expected);
    const load = measureRoute(layout, route);
    expect(load.wire, `${route} first-load JavaScript (gzip)`).toBeLessThanOrEqual(BUDGETS[route]!);
  }
});

test('the realtime SDK is not on the live page’s first load and is fetched while the page is read', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto('/live');
  await expect(page.getByTestId('connect-button')).toBeEnabled();
  const firstLoad = [...firstLoadFiles(layout, '/live')].sort();
  expect([...new Set(scripts.beforeLoad)].sort()).toEqual(firstLoad);
  const carriesSdk = (file: string) => readFileSync(path.join('.next', file), 'latin1').includes(SDK_MARKER);
  expect(firstLoad.filter(carriesSdk)).toEqual([]);
  // Prefetched once the page is idle: no click needed.
  await expect.poll(() => scripts.afterLoad.some(carriesSdk), { timeout: 15_000 }).toBe(true);
});
