import { expect, test } from '@playwright/test';

/** Every page refuses to be framed by another site and keeps the microphone to this origin. */
for (const path of ['/', '/live', '/practice', '/history']) {
  test(`${path} sends the security headers`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.ok()).toBe(true);
    const h = res.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['permissions-policy']).toContain('microphone=(self)');
    expect(h['x-powered-by']).toBeUndefined();
  });
}
