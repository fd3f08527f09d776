import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/server/env';
import { contentSecurityPolicy, isEmbeddedPath, isStaticFilePath, type ScriptPolicy } from '@/lib/server/security-headers';

/**
 * The Content-Security-Policy, per request from the environment the server runs with (not the
 * one it was built with): connect-src names the realtime endpoint of THIS process (the local
 * engine's port, OpenAI's origin), so one build can run anywhere, and script-src carries a
 * fresh nonce instead of 'unsafe-inline' on rendered pages ('self' only on files served as they are). It replaces the build-time header from next.config.
 *
 * The website widget's embed page (/embed/<site id>) may be framed only by that site's origins:
 * its `frame-ancestors` is looked up per request (the site's allow-list lives in the database,
 * read by /api/widget/frame-policy). Any failure: 'none' (fail closed).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const path = request.nextUrl.pathname;
  const e = env();
  const dev = e.NODE_ENV !== 'production';
  const scripts: ScriptPolicy = isStaticFilePath(path) ? 'self' : { nonce: btoa(crypto.randomUUID()) };
  const policy =
    path === '/embed' || path.startsWith('/embed/')
      ? `${contentSecurityPolicy(e, { dev, frameAncestors: false, scripts })}; frame-ancestors ${await embedAncestors(request, path.split('/')[2] ?? '')}`
      : contentSecurityPolicy(e, { dev, frameAncestors: !isEmbeddedPath(path), scripts });
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

async function embedAncestors(request: NextRequest, siteId: string): Promise<string> {
  try {
    const res = await fetch(new URL(`/api/widget/frame-policy/${encodeURIComponent(siteId)}`, request.nextUrl.origin), { cache: 'no-store', signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { frameAncestors?: unknown };
    return res.ok && typeof body.frameAncestors === 'string' ? body.frameAncestors : "'none'";
  } catch {
    return "'none'";
  }
}

// Every page and route; static build assets carry no policy of their own.
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
