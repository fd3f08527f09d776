import 'server-only';
import type { Site } from '@/lib/contracts/website';
import { getSiteOrDemo } from './demo-site';
import { WIDGET_ERROR_STATUS, widgetError, type WidgetErrorCode } from './widget-errors';

/** Shared by the widget's public routes: the app's origin, JSON answers, the site and origin checks. */
/**
 * The app's origin as the browser sees it: the Host it asked for (Next.js fills X-Forwarded-Host and
 * -Proto from the request when no proxy did), as Next.js itself compares Origin to Host for server actions.
 */
export function appOriginOf(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || url.host;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

export function refusal(code: WidgetErrorCode, retryAfterSeconds?: number): Response {
  return json({ ok: false, error: widgetError(code, retryAfterSeconds) }, WIDGET_ERROR_STATUS[code], retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {});
}

export async function readJson(request: Request, maxBytes = 20_000): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The site for a widget call made from the embed page (the app's own origin): another Origin is
 * another website calling directly and is refused, like an unknown or switched-off site.
 */
export async function widgetSite(request: Request, siteId: unknown): Promise<{ ok: true; site: Site } | { ok: false; response: Response }> {
  if (request.headers.get('origin') !== appOriginOf(request)) return { ok: false, response: refusal('origin_not_allowed') };
  if (typeof siteId !== 'string') return { ok: false, response: refusal('invalid_input') };
  const site = await getSiteOrDemo(siteId);
  if (!site) return { ok: false, response: refusal('unknown_site') };
  if (!site.active) return { ok: false, response: refusal('site_disabled') };
  return { ok: true, site };
}
