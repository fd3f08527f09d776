import WebSocket from 'ws';
import { codeForUpstreamStatus, ModelAccessError, parseRetryAfter } from './errors';
import type { FetchLike } from './openai-client-secrets';

/**
 * Server-side control of an OpenAI realtime call (GA), so a session ends when the server says,
 * not when the browser does (a client secret's expiry bounds only when a session may start):
 *  - the browser's WebRTC offer is relayed by the server to `POST <realtime>/calls` with the
 *    browser's own client secret; the answer's `Location` header (`/v1/realtime/calls/rtc_…`)
 *    carries the call id, which the browser never has to be trusted with;
 *  - with the call id and the server key the server opens the sideband control
 *    (`wss://…/v1/realtime?call_id=<id>`): it learns there when the call ends;
 *  - at the session's limit it hangs the call up (`POST <base>/realtime/calls/<id>/hangup`, the
 *    server key) and closes the sideband.
 * The only place besides the mint that talks to OpenAI (this folder owns model access).
 */
export type CallOffer = { callsUrl: string; clientSecret: string; sdp: string; timeoutMs: number; fetchImpl?: FetchLike };
export type CallAnswer = { sdp: string; callId: string };

async function send(fetchImpl: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new ModelAccessError('timeout');
    throw new ModelAccessError('upstream_unavailable', error instanceof Error ? error.message : String(error));
  }
}

async function upstreamError(response: Response): Promise<ModelAccessError> {
  const text = await response.text().catch(() => '');
  const retryAfter = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  return new ModelAccessError(codeForUpstreamStatus(response.status), `HTTP ${response.status}: ${text.slice(0, 300)}`, retryAfter);
}

/** The call id from the answer's Location (`/v1/realtime/calls/rtc_abc`, absolute or not). */
export function callIdFromLocation(location: string | null): string | null {
  if (!location) return null;
  const path = location.startsWith('http') ? new URL(location).pathname : location.split('?')[0] ?? '';
  const id = /\/calls\/([A-Za-z0-9_-]{1,128})\/?$/.exec(path)?.[1];
  return id ?? null;
}

/** Relay the browser's SDP offer; returns the answer and the call id. */
export async function relayCallOffer(input: CallOffer): Promise<CallAnswer> {
  const response = await send(
    input.fetchImpl ?? fetch,
    input.callsUrl,
    { method: 'POST', headers: { Authorization: `Bearer ${input.clientSecret}`, 'Content-Type': 'application/sdp' }, body: input.sdp },
    input.timeoutMs,
  );
  if (!response.ok) throw await upstreamError(response);
  const callId = callIdFromLocation(response.headers.get('location'));
  if (!callId) throw new ModelAccessError('upstream_unavailable', 'the SDP answer carried no call id (Location header)');
  return { sdp: await response.text(), callId };
}

/** `POST <base>/realtime/calls/<id>/hangup` with the server key. A call that is already over (404) is fine. */
export async function hangUpCall(input: { apiKey: string; baseUrl: string; callId: string; timeoutMs: number; fetchImpl?: FetchLike }): Promise<void> {
  const url = `${input.baseUrl.replace(/\/+$/, '')}/realtime/calls/${encodeURIComponent(input.callId)}/hangup`;
  const response = await send(input.fetchImpl ?? fetch, url, { method: 'POST', headers: { Authorization: `Bearer ${input.apiKey}` } }, input.timeoutMs);
  if (response.ok || response.status === 404) return;
  throw await upstreamError(response);
}

/** The sideband control's URL: the realtime WebSocket endpoint with `call_id` (no model: the call has one). */
export function sidebandUrl(input: { baseUrl: string; realtimeUrl?: string; callId: string }): string {
  const url = new URL(input.realtimeUrl ?? `${input.baseUrl.replace(/\/+$/, '')}/realtime`);
  url.protocol = url.protocol === 'http:' || url.protocol === 'ws:' ? 'ws:' : 'wss:';
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.searchParams.set('call_id', input.callId);
  return url.toString();
}

type SidebandSocket = { close(): void; on(event: 'close' | 'error' | 'open', listener: (...args: unknown[]) => void): void };
export type OpenSocket = (url: string, headers: Record<string, string>) => SidebandSocket;
const openWs: OpenSocket = (url, headers) => new WebSocket(url, { headers });

const HANGUP_ATTEMPTS = 3;

export type CallLimit = {
  /** Resolves with how the call ended: hung up at the limit, ended on its own first, or the hangup kept failing. */
  ended: Promise<'hung_up' | 'ended' | 'hang_up_failed'>;
  /** Stop enforcing (the app shuts down): no hangup. */
  stop(): void;
};

/**
 * Hang the call up after `maxSeconds`, unless the sideband shows it ended first. A sideband that
 * cannot open does not stop the limit: the hangup goes by HTTP either way.
 */
export function enforceCallLength(input: {
  apiKey: string;
  baseUrl: string;
  realtimeUrl?: string;
  callId: string;
  maxSeconds: number;
  timeoutMs: number;
  fetchImpl?: FetchLike;
  openSocket?: OpenSocket;
  log?: (line: string) => void;
  /** Wait between hangup attempts (default 2 s). */
  retryDelayMs?: number;
}): CallLimit {
  const log = input.log ?? ((line: string) => console.log(line));
  let settle: (how: 'hung_up' | 'ended' | 'hang_up_failed') => void = () => undefined;
  const ended = new Promise<'hung_up' | 'ended' | 'hang_up_failed'>((resolve) => (settle = resolve));
  let done = false;
  const socket = (input.openSocket ?? openWs)(sidebandUrl(input), { Authorization: `Bearer ${input.apiKey}` });
  const finish = (how: 'hung_up' | 'ended' | 'hang_up_failed') => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    socket.close();
    settle(how);
  };
  socket.on('error', (error) => log(`[realtime-call] ${input.callId}: sideband error ${error instanceof Error ? error.message : String(error)}`));
  let opened = false;
  socket.on('open', () => (opened = true));
  socket.on('close', () => {
    // The service closes an open sideband when the call ends; one that never opened says nothing.
    if (opened && !done) finish('ended');
  });
  const hangUp = async () => {
    for (let attempt = 1; attempt <= HANGUP_ATTEMPTS && !done; attempt++) {
      try {
        await hangUpCall(input);
        log(`[realtime-call] ${input.callId}: hung up at its limit of ${input.maxSeconds} s`);
        return finish('hung_up');
      } catch (error) {
        log(`[realtime-call] ${input.callId}: hangup attempt ${attempt} failed (${error instanceof ModelAccessError ? `${error.code} ${error.detail ?? ''}` : String(error)})`);
        if (attempt < HANGUP_ATTEMPTS) await new Promise((r) => setTimeout(r, input.retryDelayMs ?? 2000));
      }
    }
    finish('hang_up_failed');
  };
  const timer = setTimeout(() => void (done ? undefined : hangUp()), input.maxSeconds * 1000);
  timer.unref?.();
  return {
    ended,
    stop: () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
    },
  };
}
