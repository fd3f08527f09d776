import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * Fetching a URL an admin typed, from the server, without letting it reach the server's own
 * network (SSRF): only http(s); every address the host name resolves to must be a public unicast
 * address (no loopback, private, link-local such as the cloud metadata service 169.254.169.254,
 * unique-local, carrier-grade NAT, multicast, reserved, or IPv4 hidden in IPv6); redirects are
 * followed by hand (at most MAX_REDIRECTS), each hop checked the same way. The connection itself
 * goes through a lookup that applies the same rule, so a name that resolves to a public address
 * for the check and to a private one for the connect (DNS rebinding) is refused too.
 * `allowHosts` ("host:port" entries: CUE_INGEST_ALLOW_HOSTS for the website's page ingest,
 * CUE_WEBHOOK_ALLOW_HOSTS for the studio's webhook tools) may be fetched whatever they resolve to:
 * an intranet service, or the e2e tests' second loopback origin. Shared by the features that fetch
 * admin-given URLs; no `server-only` marker, because the custom server hosting /call loads it too.
 */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

const MAX_REDIRECTS = 5;

export class BlockedUrlError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BlockedUrlError';
  }
}

/** Why this address may not be fetched ("127.0.0.1, a loopback address"), or null for a public unicast address. */
export function blockedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : `${address}, a ${range} address`;
}

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => (error ? reject(error) : resolve(addresses))));

/** The host as URL.hostname gives it, without IPv6 brackets. */
const bareHost = (u: URL) => u.hostname.replace(/^\[(.*)\]$/, '$1');

/** Throws BlockedUrlError when `url` may not be fetched. */
export async function assertFetchable(url: URL, opts: { resolve?: Resolve; allowHosts?: ReadonlySet<string> } = {}): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BlockedUrlError(`uses ${url.protocol.replace(/:$/, '')}:, only http and https are fetched`);
  if (url.username || url.password) throw new BlockedUrlError('carries a user name or password');
  if (opts.allowHosts?.has(url.host)) return;
  const host = bareHost(url);
  let addresses: { address: string }[];
  if (isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolve)(host);
    } catch (error) {
      throw new BlockedUrlError(`could not be resolved (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  if (addresses.length === 0) throw new BlockedUrlError('could not be resolved (no address)');
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address);
    if (reason) throw new BlockedUrlError(`points to ${reason}; only public addresses are fetched`);
  }
}

/** A connect-time lookup that refuses what assertFetchable refuses (for undici's Agent). */
export function guardedLookup(resolve: Resolve = systemResolve, allowHosts: ReadonlySet<string> = new Set()) {
  return (host: string, options: { all?: boolean }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void => {
    resolve(host).then(
      (addresses) => {
        const allowed = [...allowHosts].some((h) => h.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1') === host);
        const bad = allowed ? null : addresses.map((a) => blockedAddressReason(a.address)).find((r) => r !== null);
        if (bad) return callback(new BlockedUrlError(`points to ${bad}; only public addresses are fetched`), []);
        if (addresses.length === 0) return callback(new BlockedUrlError('could not be resolved (no address)'), []);
        if (options.all) return callback(null, addresses);
        const first = addresses[0]!;
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, []),
    );
  };
}

/** fetch through an undici Agent whose connections use guardedLookup. */
function guardedFetch(allowHosts: ReadonlySet<string>): FetchLike {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(systemResolve, allowHosts) } });
  return (url, init) => undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
}

/** The hosts an allow-list setting names ("host:port", comma-separated). */
export function parseAllowHosts(raw: string | undefined): Set<string> {
  return new Set((raw ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
}

/**
 * A fetch for admin-given URLs: checks each hop (assertFetchable), follows redirects by hand
 * (up to `maxRedirects`; with 0 a redirect comes back as the response it is). A refused URL or
 * hop rejects with BlockedUrlError (its message says why).
 */
export function createSafeFetch(opts: { allowHosts?: ReadonlySet<string>; resolve?: Resolve; fetchImpl?: FetchLike; maxRedirects?: number } = {}): FetchLike {
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const allowHosts = opts.allowHosts ?? new Set<string>();
  const fetchImpl = opts.fetchImpl ?? guardedFetch(allowHosts);
  return async (raw, init = {}) => {
    let url = new URL(raw);
    for (let hop = 0; ; hop++) {
      try {
        await assertFetchable(url, { resolve: opts.resolve, allowHosts });
      } catch (error) {
        if (error instanceof BlockedUrlError && hop > 0) throw new BlockedUrlError(`redirects to ${url.toString()}, which ${error.reason.replace(/^points/, 'points')}`);
        throw error;
      }
      const res = await fetchImpl(url.toString(), { ...init, redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status < 300 || res.status > 399 || !location || maxRedirects === 0) return res;
      if (hop >= maxRedirects) throw new BlockedUrlError(`redirects more than ${maxRedirects} times`);
      url = new URL(location, url);
    }
  };
}
