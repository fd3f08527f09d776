import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/server/env';
import { contentSecurityPolicy } from '@/lib/server/security-headers';

/**
 * The website widget's embed page (/embed/<site id>) may be framed only by that site's origins:
 * its `Content-Security-Policy: frame-ancestors` is looked up per request (the site's allow-list
 * lives in the database, read by /api/widget/frame-policy). Any failure: 'none' (fail closed).
 * The header set here replaces the one from next.config, so it carries the app's whole policy
 * (lib/server/security-headers.ts) with the site's frame-ancestors added.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const siteId = request.nextUrl.pathname.split('/')[2] ?? '';
  let ancestors = "'none'";
  try {
    const res = await fetch(new URL(`/api/widget/frame-policy/${encodeURIComponent(siteId)}`, request.nextUrl.origin), { cache: 'no-store', signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { frameAncestors?: unknown };
    if (res.ok && typeof body.frameAncestors === 'string') ancestors = body.frameAncestors;
  } catch {
    ancestors = "'none'";
  }
  const response = NextResponse.next();
  const e = env();
  response.headers.set('Content-Security-Policy', `${contentSecurityPolicy(e, { dev: e.NODE_ENV !== 'production', frameAncestors: false })}; frame-ancestors ${ancestors}`);
  return response;
}

export const config = { matcher: '/embed/:siteId*' };
