import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { relayWidgetCall } from './call-relay';
import { signCallTicket, verifyCallTicket } from './call-ticket';
import type { OpenSocket } from './openai-calls';
import type { FetchLike } from './openai-client-secrets';

const env = parseEnv({ OPENAI_API_KEY: 'sk-server', CUE_REALTIME_BACKEND: 'openai' });
const ticket = (over: object = {}) => signCallTicket({ siteId: 'acme', maxSeconds: 1, expiresAt: Math.floor(Date.now() / 1000) + 600, ...over }, 'sk-server');

describe('the widget call relay (OpenAI faked at the fetch and WebSocket boundaries)', () => {
  it('relays the offer with the client secret, then hangs the call up through its id at the ticket\'s limit', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push({ url, auth: new Headers(init.headers as HeadersInit).get('authorization') });
      return url.endsWith('/calls') ? new Response('v=0 answer', { status: 201, headers: { location: '/v1/realtime/calls/rtc_w1' } }) : new Response(null, { status: 200 });
    };
    const sidebands: { url: string; auth: string | undefined }[] = [];
    const openSocket: OpenSocket = (url, headers) => {
      sidebands.push({ url, auth: headers.Authorization });
      return { close: () => undefined, on: () => undefined };
    };
    const answer = await relayWidgetCall({ ticket: ticket(), authorization: 'Bearer ek_browser1', sdp: 'v=0 offer' }, { env, fetchImpl, openSocket });
    expect(answer).toBe('v=0 answer');
    expect(calls[0]).toEqual({ url: 'https://api.openai.com/v1/realtime/calls', auth: 'Bearer ek_browser1' });
    expect(sidebands).toEqual([{ url: 'wss://api.openai.com/v1/realtime?call_id=rtc_w1', auth: 'Bearer sk-server' }]);
    await expect.poll(() => calls.length, { timeout: 3000 }).toBe(2);
    expect(calls[1]).toEqual({ url: 'https://api.openai.com/v1/realtime/calls/rtc_w1/hangup', auth: 'Bearer sk-server' });
  });

  it('refuses a forged or expired ticket, a missing client secret and a body that is not SDP, before calling OpenAI', async () => {
    const fetchImpl: FetchLike = async () => {
      throw new Error('must not be called');
    };
    const relay = (t: string, authorization: string | null, sdp = 'v=0 offer') => relayWidgetCall({ ticket: t, authorization, sdp }, { env, fetchImpl }).then(() => 'relayed', (e: { code: string; detail?: string }) => `${e.code}: ${e.detail}`);
    const good = ticket();
    const forged = `${good.split('.')[0]}.${'A'.repeat(43)}`;
    expect(await relay(forged, 'Bearer ek_abcd')).toBe('invalid_input: call ticket forged, malformed or expired');
    expect(await relay(ticket({ expiresAt: 1 }), 'Bearer ek_abcd')).toBe('invalid_input: call ticket forged, malformed or expired');
    expect(await relay(ticket({ maxSeconds: 0 }), 'Bearer ek_abcd')).toBe('invalid_input: call ticket forged, malformed or expired');
    expect(await relay(good, null)).toBe('invalid_input: no client secret on the offer');
    expect(await relay(good, 'Bearer sk-stolen')).toBe('invalid_input: no client secret on the offer');
    expect(await relay(good, 'Bearer ek_abcd', '<html>')).toBe('invalid_input: not an SDP offer');
    expect(verifyCallTicket('not.a.ticket', 'sk-server')).toBeNull();
  });

  it('says the server is misconfigured without an OpenAI key', async () => {
    await expect(relayWidgetCall({ ticket: ticket(), authorization: 'Bearer ek_x1234', sdp: 'v=0' }, { env: parseEnv({}) })).rejects.toMatchObject({ code: 'misconfigured' });
  });
});
