/**
 * Error codes for everything that reaches a model or the local engine, each
 * with the one message a user sees. The UI shows `message`; code is for logic.
 */
export const MODEL_ACCESS_ERRORS = {
  invalid_input: 'The request was not valid. Reload the page and try again.',
  unknown_agent: 'That coaching agent does not exist. Pick another one.',
  rate_limited: 'Too many connection attempts. Wait a minute, then connect again.',
  minutes_exhausted: "Today's realtime minutes are used up. They renew at midnight UTC.",
  upstream_unauthorized: 'OpenAI refused the server\'s API key. Check OPENAI_API_KEY on the server.',
  upstream_rate_limited: 'OpenAI is rate-limiting this account. Wait a moment and try again, or check your usage limits.',
  upstream_unavailable: 'OpenAI is not available right now. Try again in a minute.',
  upstream_bad_request: 'OpenAI rejected the session settings. Check the model and voice in Settings.',
  timeout: 'OpenAI did not answer in time. Check the server\'s connection and try again.',
  engine_unavailable: 'The local realtime engine is not running. Start the app with `npm run dev` (it starts the engine), or `npm run engine`.',
  misconfigured: 'The server is not configured for this: see the README\'s configuration section.',
} as const;

export type ModelAccessErrorCode = keyof typeof MODEL_ACCESS_ERRORS;

export class ModelAccessError extends Error {
  constructor(
    readonly code: ModelAccessErrorCode,
    readonly detail?: string,
    /** Whole seconds to wait before trying again (a 429's Retry-After, or our own limiter's window). */
    readonly retryAfterSeconds?: number,
    /** A more specific message than the code's (e.g. with the figures), for the user. */
    message?: string,
  ) {
    super(message ?? MODEL_ACCESS_ERRORS[code]);
    this.name = 'ModelAccessError';
  }
}

/** "5 h 12 min", "3 min", "40 s": how long until a limit lifts. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** Map an HTTP status from OpenAI to our code. */
export function codeForUpstreamStatus(status: number): ModelAccessErrorCode {
  if (status === 401 || status === 403) return 'upstream_unauthorized';
  if (status === 429) return 'upstream_rate_limited';
  if (status === 400 || status === 404 || status === 422) return 'upstream_bad_request';
  return 'upstream_unavailable';
}

/** Longest wait a Retry-After may ask for before we stop believing it. */
const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * `Retry-After` as whole seconds (at least 1): delay-seconds or an HTTP date. Undefined when
 * absent or unreadable; capped at an hour.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let seconds: number;
  if (/^\d+(\.\d+)?$/.test(text)) seconds = Number(text);
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    seconds = (at - now) / 1000;
  }
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
}
