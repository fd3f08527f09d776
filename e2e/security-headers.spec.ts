import { expect, test } from '@playwright/test';
import { ENGINE_PORT } from '../playwright.config';
import { EngineControls } from './support/engine-controls';
import { PracticePage } from './support/practice-page';

/**
 * Every page refuses to be framed by another site, keeps the microphone to this origin and
 * sends a Content-Security-Policy the app runs under without a single violation; routes meant
 * to be embedded (/embed/…, /widget.js) are left to set their own frame-ancestors.
 */
for (const path of ['/', '/live', '/practice', '/history', '/api/ready']) {
  test(`${path} sends the security headers`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.ok()).toBe(true);
    const h = res.headers();
    const csp = h['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${ENGINE_PORT}`);
    // Scripts by a per-response nonce, never 'unsafe-inline'.
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['permissions-policy']).toContain('microphone=(self)');
    expect(h['x-powered-by']).toBeUndefined();
  });
}

for (const [path, ancestors] of [['/embed/demo', "frame-ancestors 'self'"], ['/widget.js', null]] as const) {
  test(`${path} (embedded) is not refused framing by Cue's own headers`, async ({ request }) => {
    const h = (await request.get(path)).headers();
    expect(h['content-security-policy']).toContain("default-src 'self'");
    // The embed page is framed only by its site's origins (proxy.ts; the demo site is the app's own); the script by anyone.
    if (ancestors) expect(h['content-security-policy']).toMatch(new RegExp(`; ${ancestors}$`));
    else expect(h['content-security-policy']).not.toContain('frame-ancestors');
    expect(h['x-frame-options']).toBeUndefined();
    expect(h['x-content-type-options']).toBe('nosniff');
  });
}

test("each response has its own script nonce, and the page's scripts carry it", async ({ request }) => {
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  const first = await request.get('/practice');
  const second = await request.get('/practice');
  const nonce = nonceOf(first.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test('the pages and a practice call run under the CSP without a violation', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to (CSP) ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  for (const path of ['/', '/live', '/history']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
  }
  const practice = new PracticePage(page);
  await practice.startCall('municipal-coo-sic');
  await new EngineControls(request).waitForOpenSession();
  await expect(practice.item('assistant').first()).toContainText("I've seen the numbers.");
  expect(violations).toEqual([]);
});
