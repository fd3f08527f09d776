/**
 * The visitor's IP for the widget's per-IP limit. The first `X-Forwarded-For` entry is whatever
 * the client wrote, so it is never trusted: with `trustedHops` proxies in front of the app, the
 * address the outermost trusted proxy saw is the entry `trustedHops` from the right. With none,
 * the last entry (Next.js fills the header from the socket when it is absent) or X-Real-IP.
 * Helper A2's trusted-proxy client IP replaces this at merge (point `widgetClientIp` at it).
 */
export function widgetClientIp(headers: Headers, trustedHops = 0): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length > 0) {
    const index = trustedHops > 0 ? Math.max(0, hops.length - trustedHops) : hops.length - 1;
    return hops[index] ?? 'unknown';
  }
  return headers.get('x-real-ip')?.trim() || 'unknown';
}
