import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SITE_LIMITS, type Site } from '@/lib/contracts/website';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import type { WindowCounter } from './window-counter';
import { verifyCallTicket, signCallTicket } from '@/lib/server/model-access/call-ticket';
import { mintWidgetSecret, type WidgetMintDeps } from './widget-mint';

const APP = 'http://127.0.0.1:3000';
const site = (over: Partial<Site> = {}): Site => ({
  id: 'acme', name: 'Acme', allowedOrigins: ['https://acme.test'], agentId: 'website-concierge', goal: 'book_call',
  theme: { color: '#123456', label: 'Ask', position: 'bottom-right' }, limits: { ...DEFAULT_SITE_LIMITS, perIpPerMinute: 2, perSitePerMinute: 3 },
  active: true, createdAt: '', updatedAt: '', ...over,
});
const secret: MintedSecret = { backend: 'local', clientSecret: 'ek_x', expiresAt: 1, agentId: 'website-concierge', model: 'm', voice: 'marin', url: 'ws://e' };

/** The counter's contract in memory (the database one is tested in window-counter.pglite.test.ts). */
function memoryCounter(): WindowCounter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async take(key, limit, now = Date.now()) {
      const start = Math.floor(now / 60_000) * 60_000;
      const w = windows.get(key);
      if (!w || w.start !== start) {
        windows.set(key, { start, count: 1 });
        return { allowed: true };
      }
      if (w.count >= limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + 60_000 - now) / 1000)) };
      w.count += 1;
      return { allowed: true };
    },
  };
}

function deps(s: Site | null, reserveOk = true): WidgetMintDeps & { mint: ReturnType<typeof vi.fn> } {
  return { getSite: async () => s, counter: memoryCounter(), reserve: async () => ({ ok: reserveOk }), mint: vi.fn(async () => secret) };
}
const body = { siteId: 'acme', hostOrigin: 'https://acme.test', mode: 'text' };
const req = (over: object = {}) => ({ body, origin: APP, appOrigin: APP, clientIp: '203.0.113.5', now: new Date(0), ...over });

describe('mintWidgetSecret', () => {
  it('mints for an allowed, active site, with the site\'s maximum session length for the engine', async () => {
    const d = deps(site());
    expect(await mintWidgetSecret(req(), d)).toEqual({ ok: true, data: secret });
    expect(d.mint.mock.calls[0]?.[0]).toMatchObject({ agentId: 'website-concierge', maxSessionSeconds: 480, transport: 'websocket' });
    expect(d.mint.mock.calls[0]?.[0].config.instructions).toContain('website concierge for Acme');
  });

  it('refuses bad input, unknown and disabled sites, and other origins, in words, without minting', async () => {
    const cases: [object, Site | null, string][] = [
      [{ body: { siteId: 'A B' } }, site(), 'invalid_input'],
      [{}, null, 'unknown_site'],
      [{}, site({ active: false }), 'site_disabled'],
      [{ origin: 'https://evil.test' }, site(), 'origin_not_allowed'],
      [{ origin: null }, site(), 'origin_not_allowed'],
      [{ body: { ...body, hostOrigin: 'https://evil.test' } }, site(), 'origin_not_allowed'],
    ];
    for (const [over, s, code] of cases) {
      const d = deps(s);
      const out = await mintWidgetSecret(req(over), d);
      expect(out.ok ? null : out.error.code).toBe(code);
      expect(d.mint).not.toHaveBeenCalled();
    }
  });

  it('`self` lets the app\'s own pages embed it (the demo site)', async () => {
    expect((await mintWidgetSecret(req({ body: { ...body, hostOrigin: APP } }), deps(site({ allowedOrigins: ['self'] })))).ok).toBe(true);
  });

  it('holds the per-IP, per-site and daily limits, telling the visitor how long to wait', async () => {
    const d = deps(site());
    await mintWidgetSecret(req(), d);
    await mintWidgetSecret(req(), d);
    const third = await mintWidgetSecret(req({ now: new Date(20_000) }), d);
    expect(third).toEqual({ ok: false, retryAfterSeconds: 40, error: { code: 'ip_rate_limited', message: 'You have started several conversations in the last minute. Please wait 40 seconds, then try again.' } });
    await mintWidgetSecret(req({ clientIp: '198.51.100.1' }), d);
    const busy = await mintWidgetSecret(req({ clientIp: '198.51.100.2' }), d);
    expect(busy.ok ? null : busy.error.code).toBe('site_rate_limited');
    const spent = await mintWidgetSecret(req(), deps(site(), false));
    expect(spent.ok ? null : spent.error.message).toMatch(/used up today's conversation time/);
  });

  it('sends an OpenAI voice call through the app\'s relay with a signed ticket of the site\'s limit; text stays on the WebSocket', async () => {
    const openai: MintedSecret = { ...secret, backend: 'openai', url: 'https://api.openai.com/v1/realtime/calls', expiresAt: 4_000_000_000 };
    const d = { ...deps(site()), mint: vi.fn(async (_req: unknown) => openai), signTicket: (t: Parameters<typeof signCallTicket>[0]) => signCallTicket(t, 'sk-server') };
    const voice = await mintWidgetSecret(req({ body: { ...body, mode: 'voice' } }), d);
    expect(d.mint.mock.calls[0]?.[0]).toMatchObject({ transport: 'webrtc', maxSessionSeconds: DEFAULT_SITE_LIMITS.maxSessionMinutes * 60 });
    const url = new URL(voice.ok ? voice.data.url ?? '' : '');
    expect(`${url.origin}${url.pathname}`).toBe(`${APP}/api/widget/calls`);
    expect(verifyCallTicket(url.searchParams.get('t') ?? '', 'sk-server', 0)).toEqual({ siteId: 'acme', maxSeconds: DEFAULT_SITE_LIMITS.maxSessionMinutes * 60, expiresAt: 4_000_000_000 });
    expect(verifyCallTicket(url.searchParams.get('t') ?? '', 'another-key', 0)).toBeNull();
    const text = await mintWidgetSecret(req(), d);
    expect(d.mint.mock.calls[1]?.[0]).toMatchObject({ transport: 'websocket' });
    expect(text.ok && text.data.url).toBe('https://api.openai.com/v1/realtime/calls');
  });
});
