import type { Backend, RealtimeError } from '../store/types';

/**
 * Client-side error codes of the realtime connection, each with the words a user sees.
 * Codes from the mint action (invalid_input, unknown_agent, rate_limited, upstream_*,
 * timeout, engine_unavailable, misconfigured) arrive with their message already written.
 */
export type ClientErrorCode =
  | 'mint_failed'
  | 'invalid_response'
  | 'unknown_agent'
  | 'connect_timeout'
  | 'connect_failed'
  | 'app_load_failed'
  | 'connection_lost'
  | 'server_error'
  | 'session_error'
  | 'mic_denied'
  | 'mic_unavailable'
  | 'not_connected';

function service(backend: Backend | null): string {
  return backend === 'openai' ? 'OpenAI' : backend === 'local' ? 'the local engine' : 'the realtime service';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function clientError(code: ClientErrorCode, ctx: { backend?: Backend | null; detail?: string; seconds?: number } = {}): RealtimeError {
  const backend = ctx.backend ?? null;
  const detail = ctx.detail ? ctx.detail.trim().replace(/\.$/, '') : '';
  const messages: Record<ClientErrorCode, string> = {
    mint_failed: 'Could not reach the Cue server to start a session. Check your connection and try again.',
    invalid_response: 'The Cue server sent an unexpected reply while connecting. Reload the page and try again.',
    unknown_agent: 'That coaching agent does not exist. Pick another one.',
    connect_timeout: `${capitalise(service(backend))} did not answer within ${ctx.seconds ?? 10} seconds. Check that it is reachable, then try again.`,
    connect_failed:
      backend === 'local'
        ? 'Could not open a connection to the local engine. Make sure it is running (`npm run engine`), then try again.'
        : `Could not connect to ${service(backend)}${detail ? `: ${detail}` : ''}. Try again in a moment.`,
    app_load_failed: `The call could not start: part of the app did not download${detail ? ` (${detail})` : ''}. Check your connection, then try again.`,
    connection_lost: `The connection to ${service(backend)} was lost. Connect again to continue.`,
    server_error: `${capitalise(service(backend))} reported a problem${detail ? `: ${detail}` : ''}.`,
    session_error: `Something went wrong in the live session${detail ? `: ${detail}` : ''}.`,
    mic_denied:
      'Microphone access is blocked. Allow the microphone for this site in the browser, then reconnect. You can still type messages.',
    mic_unavailable: `No microphone could be opened${detail ? ` (${detail})` : ''}. You can still type messages.`,
    not_connected: 'Not connected. Connect first, then try again.',
  };
  return { code, message: messages[code] };
}

/**
 * The notice shown while the mint step sits out a Retry-After (the page adds the countdown:
 * "OpenAI is rate limiting. Retrying in 12 s…").
 */
export function rateLimitWait(error: RealtimeError, backend: Backend | null): RealtimeError {
  const who =
    error.code === 'upstream_rate_limited'
      ? 'OpenAI is rate limiting this account'
      : error.code === 'rate_limited'
        ? 'Too many connection attempts from this browser'
        : `${capitalise(service(backend))} asked to wait before connecting again`;
  return { code: error.code, message: `${who}.`, ...(error.retryAt === undefined ? {} : { retryAt: error.retryAt }) };
}

/** Server error codes that are expected during normal use and should not alarm the user. */
const BENIGN_SERVER_CODES = new Set(['response_cancel_not_active']);

type ServerErrorShape = { type?: unknown; error?: { type?: unknown; code?: unknown; message?: unknown } };

/**
 * Turn whatever the session's `error` event carries (a server `error` event, an Error, a DOM
 * Event from a socket) into a user-facing error, or null for benign noise.
 */
export function describeSessionError(raw: unknown, backend: Backend | null): RealtimeError | null {
  const candidate = raw as ServerErrorShape | null;
  if (candidate && typeof candidate === 'object' && candidate.type === 'error' && candidate.error && typeof candidate.error === 'object') {
    const code = typeof candidate.error.code === 'string' ? candidate.error.code : undefined;
    if (code && BENIGN_SERVER_CODES.has(code)) return null;
    const message = typeof candidate.error.message === 'string' ? candidate.error.message : 'unknown error';
    return clientError('server_error', { backend, detail: message });
  }
  if (raw instanceof Error) return clientError('session_error', { detail: raw.message });
  if (typeof Event !== 'undefined' && raw instanceof Event) return clientError('connect_failed', { backend });
  if (typeof raw === 'string') return clientError('session_error', { detail: raw });
  return clientError('session_error');
}

/** Best-effort text of a thrown connection failure (Error, DOM Event, string). */
export function failureDetail(error: unknown): string | undefined {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return undefined;
}
