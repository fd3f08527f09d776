import { realtimeBackend, type Env } from './env-schema';

/**
 * The security headers. next.config.ts sends them as built; proxy.ts then sets the
 * Content-Security-Policy again per request from the running server's environment, so a build
 * started with another CUE_ENGINE_URL, OPENAI_BASE_URL or CUE_REALTIME_URL names the right
 * realtime endpoint.
 *
 * Every page renders per request, so proxy.ts gives each response a fresh script nonce (no
 * 'unsafe-inline' for scripts); everything else is locked to this origin, and connect-src names exactly the
 * realtime endpoints the browser talks to: the local engine's WebSocket, or OpenAI's (https for
 * the WebRTC offer, wss for the WebSocket transport). Dev mode adds 'unsafe-eval' for React's
 * refresh runtime and ws: for hot reloading.
 *
 * Embedded routes (/embed/…, /widget.js) get no frame-ancestors 'none' / X-Frame-Options: they
 * set their own frame-ancestors.
 */
type Header = { key: string; value: string };
export type HeaderRule = { source: string; headers: Header[] };

/** Every path except /embed, /embed/… and /widget.js (path-to-regexp, as next.config's `source`). */
export const NOT_EMBEDDED_SOURCE = '/((?!embed(?:/|$)|widget\\.js$).*)';

/** A file served as it is (public/: the demo site's pages, widget.js, worklets): no nonce can be put on its scripts. */
export function isStaticFilePath(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path);
}

/** /embed, /embed/… and /widget.js: they set their own frame-ancestors (the same paths NOT_EMBEDDED_SOURCE leaves out). */
export function isEmbeddedPath(path: string): boolean {
  return path === '/embed' || path.startsWith('/embed/') || path === '/widget.js';
}

function originOf(url: string): string[] {
  const u = new URL(url);
  const origin = `${u.protocol}//${u.host}`;
  // The engine's /health and OpenAI's REST calls go over http(s), the socket over ws(s).
  const twin = u.protocol === 'ws:' ? `http://${u.host}` : u.protocol === 'wss:' ? `https://${u.host}` : u.protocol === 'https:' ? `wss://${u.host}` : `ws://${u.host}`;
  return [origin, twin];
}

function realtimeConnectSources(e: Env): string[] {
  if (realtimeBackend(e) === 'local') return originOf(e.CUE_ENGINE_URL).filter((o) => o.startsWith('ws'));
  const sources = [...originOf(e.OPENAI_BASE_URL), ...(e.CUE_REALTIME_URL ? originOf(e.CUE_REALTIME_URL) : [])];
  return [...new Set(sources)];
}

/**
 * Which scripts run:
 *  - `{ nonce }` (proxy.ts, per rendered page): only those with that nonce, or loaded by a nonce'd
 *    one ('strict-dynamic'); Next puts the nonce on its own scripts and inline RSC payload when
 *    it finds it in the request's policy.
 *  - 'self' (files served as they are, e.g. the demo site's pages): scripts from this origin only.
 *  - 'inline' (the build-time fallback of next.config): 'self' plus 'unsafe-inline'.
 */
export type ScriptPolicy = { nonce: string } | 'self' | 'inline';

export function contentSecurityPolicy(e: Env, opts: { dev: boolean; frameAncestors: boolean; scripts?: ScriptPolicy }): string {
  const policy = opts.scripts ?? 'inline';
  const scripts = typeof policy === 'object' ? [`'nonce-${policy.nonce}'`, "'strict-dynamic'"] : policy === 'inline' ? ["'unsafe-inline'"] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...scripts, ...(opts.dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['media-src', "'self'", 'blob:', 'data:'],
    ['connect-src', "'self'", ...realtimeConnectSources(e), ...(opts.dev ? ['ws:'] : [])],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ...(opts.frameAncestors ? ([['frame-ancestors', "'none'"]] as [string, ...string[]][]) : []),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

export function securityHeaderRules(e: Env, opts: { dev: boolean }): HeaderRule[] {
  const common: Header[] = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // The microphone and tab capture are for this origin only.
    { key: 'Permissions-Policy', value: 'microphone=(self), display-capture=(self), camera=(), geolocation=()' },
  ];
  return [
    // Embedded routes too (a later rule overrides the same key for the rest).
    { source: '/:path*', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(e, { dev: opts.dev, frameAncestors: false }) }, ...common] },
    {
      source: NOT_EMBEDDED_SOURCE,
      headers: [
        // No other site may frame Cue's pages (clickjacking).
        { key: 'Content-Security-Policy', value: contentSecurityPolicy(e, { dev: opts.dev, frameAncestors: true }) },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    },
  ];
}
