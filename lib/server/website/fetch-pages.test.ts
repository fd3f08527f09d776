import { describe, expect, it } from 'vitest';
import { ingestUrls } from './fetch-pages';
import { createSafeFetch, type FetchLike } from '@/lib/server/net/safe-fetch';

/** Refusals happen before anything is written: no database is needed for these. */
describe('ingestUrls refusals', () => {
  it('refuses loopback, private and link-local targets and other schemes, each with its reason', async () => {
    const results = await ingestUrls('s', ['http://127.0.0.1:3000/admin', 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'http://[::1]/'], createSafeFetch());
    expect(results).toEqual([
      { url: 'file:///etc/passwd', ok: false, reason: 'is not an http(s) URL' },
      { url: 'http://127.0.0.1:3000/admin', ok: false, reason: 'points to 127.0.0.1, a loopback address; only public addresses are fetched' },
      { url: 'http://169.254.169.254/latest/meta-data/', ok: false, reason: 'points to 169.254.169.254, a linkLocal address; only public addresses are fetched' },
      { url: 'http://[::1]/', ok: false, reason: 'points to ::1, a loopback address; only public addresses are fetched' },
    ]);
  });

  it('respects robots.txt: a page it disallows is not fetched; one that cannot be read (5xx) stops the whole site', async () => {
    const asked: string[] = [];
    const site = (robots: Response): FetchLike => async (url) => {
      asked.push(url);
      return url.endsWith('/robots.txt') ? robots : new Response('<h1>x</h1>', { status: 200 });
    };
    const disallow = await ingestUrls('s', ['https://a.example/private/x'], site(new Response('User-agent: *\nDisallow: /private/', { status: 200 })));
    expect(disallow).toEqual([{ url: 'https://a.example/private/x', ok: false, reason: "is disallowed by the site's robots.txt" }]);
    const down = await ingestUrls('s', ['https://b.example/pricing'], site(new Response('', { status: 503 })));
    expect(down).toEqual([{ url: 'https://b.example/pricing', ok: false, reason: "was not fetched: the site's robots.txt answered HTTP 503, so its rules are unknown" }]);
    expect(asked).toEqual(['https://a.example/robots.txt', 'https://b.example/robots.txt']);
  });
});
