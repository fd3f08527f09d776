import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { contentSecurityPolicy, NOT_EMBEDDED_SOURCE, isEmbeddedPath, securityHeaderRules } from './security-headers';

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

  it('the runtime check (proxy.ts) leaves out exactly the paths the build-time rule leaves out', () => {
    const notEmbedded = new RegExp(`^${NOT_EMBEDDED_SOURCE}$`);
    for (const path of ['/', '/live', '/embedded-notes', '/api/ready', '/embed', '/embed/abc', '/widget.js', '/widget.json']) {
      expect(isEmbeddedPath(path), path).toBe(!notEmbedded.test(path));
    }
  });
});
