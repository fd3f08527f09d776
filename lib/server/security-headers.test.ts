import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { contentSecurityPolicy, NOT_EMBEDDED_SOURCE, isEmbeddedPath, isStaticFilePath, securityHeaderRules } from './security-headers';

const local = parseEnv({ CUE_REALTIME_BACKEND: 'local', CUE_ENGINE_URL: 'ws://127.0.0.1:8904/v1/realtime' });
const openai = parseEnv({ OPENAI_API_KEY: 'sk-x', CUE_REALTIME_URL: 'wss://edge.example.com/v1/realtime' });

describe('security headers', () => {
  it('connect-src names the local engine socket only, on the local backend', () => {
    const csp = contentSecurityPolicy(local, { dev: false, frameAncestors: true });
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8904;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it("connect-src names OpenAI's https and wss origins and a configured realtime URL", () => {
    const csp = contentSecurityPolicy(openai, { dev: false, frameAncestors: false });
    expect(csp).toContain("connect-src 'self' https://api.openai.com wss://api.openai.com wss://edge.example.com https://edge.example.com;");
    expect(csp).not.toContain('frame-ancestors');
  });

  it('dev mode allows eval (React refresh) and the hot-reload socket', () => {
    const csp = contentSecurityPolicy(local, { dev: true, frameAncestors: true });
    expect(csp).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    expect(csp).toMatch(/connect-src [^;]* ws:(;|$)/);
  });

  it('frame-ancestors none and X-Frame-Options everywhere but /embed/… and /widget.js', () => {
    const rules = securityHeaderRules(local, { dev: false });
    expect(rules.map((r) => r.source)).toEqual(['/:path*', NOT_EMBEDDED_SOURCE]);
    const notEmbedded = new RegExp(`^${NOT_EMBEDDED_SOURCE}$`);
    for (const path of ['/', '/live', '/practice/call/x', '/history', '/embedded-notes', '/api/ready']) expect(notEmbedded.test(path), path).toBe(true);
    for (const path of ['/embed', '/embed/abc', '/widget.js']) expect(notEmbedded.test(path), path).toBe(false);
  });

  it("with a nonce, scripts need it (or a nonce'd script's load): no 'unsafe-inline' for scripts", () => {
    const csp = contentSecurityPolicy(local, { dev: false, frameAncestors: true, scripts: { nonce: 'abc123' } });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy(local, { dev: false, frameAncestors: true, scripts: 'self' })).toContain("script-src 'self'; ");
    expect(contentSecurityPolicy(local, { dev: false, frameAncestors: true })).toContain("script-src 'self' 'unsafe-inline'");
    expect(['/demo-site/pricing.html', '/widget.js', '/icon.svg'].every(isStaticFilePath)).toBe(true);
    expect(['/', '/practice/call/abc', '/embed/demo', '/history'].some(isStaticFilePath)).toBe(false);
  });

  it('the runtime check (proxy.ts) leaves out exactly the paths the build-time rule leaves out', () => {
    const notEmbedded = new RegExp(`^${NOT_EMBEDDED_SOURCE}$`);
    for (const path of ['/', '/live', '/embedded-notes', '/api/ready', '/embed', '/embed/abc', '/widget.js', '/widget.json']) {
      expect(isEmbeddedPath(path), path).toBe(!notEmbedded.test(path));
    }
  });
});
