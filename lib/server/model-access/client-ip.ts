/**
 * Who is asking, for rate limits: the client's address, taken only from hops we trust.
 *
 * `next start` itself only fills X-Forwarded-For from the socket when the client sent none
 * (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so its first or
 * last entry is whatever the client wrote. scripts/peer-address.cjs (preloaded into Next by
 * scripts/run.ts) therefore stamps every request with the connection's own address in
 * PEER_ADDRESS_HEADER, overwriting anything a client sent under that name.
 *
 * With CUE_TRUSTED_PROXY_HOPS = 0 (the default) X-Forwarded-For is ignored entirely and the
 * peer address is the client. With N hops (N reverse proxies, each appending the address it
 * saw) the client is the Nth entry from the right: entries further left were written by the
 * client and are never believed. A missing peer header (the preload is absent) gives one
 * shared key, "unknown", so spoofing still buys nothing.
 */
export const PEER_ADDRESS_HEADER = 'x-cue-peer-address';

type HeaderSource = { get(name: string): string | null };

/** "::ffff:10.0.0.1" -> "10.0.0.1"; brackets and a port on an IPv4 are dropped. */
function normalizeAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'));
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.startsWith('::ffff:') && a.slice(7).includes('.')) a = a.slice(7);
  return a;
}

export function clientIpFrom(headers: HeaderSource, trustedHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (trustedHops === 0) return peer ? normalizeAddress(peer) : 'unknown';
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = forwarded.length >= trustedHops ? forwarded[forwarded.length - trustedHops] : undefined;
  // Fewer entries than trusted proxies: the request did not come through all of them.
  return entry ? normalizeAddress(entry) : peer ? normalizeAddress(peer) : 'unknown';
}
