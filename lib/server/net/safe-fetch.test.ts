import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFetchable, blockedAddressReason, BlockedUrlError, createSafeFetch, guardedLookup, parseAllowHosts, type FetchLike, type Resolve } from './safe-fetch';

const dns: Record<string, string[]> = {
  'public.example': ['93.184.215.14'],
  'v6.example': ['2606:4700::1111'],
  'localhost.example': ['127.0.0.1'],
  'metadata.example': ['169.254.169.254'],
  'mixed.example': ['93.184.215.14', '10.0.0.7'],
  'mapped.example': ['::ffff:192.168.1.20'],
};
const resolve: Resolve = async (host) => {
  const addresses = dns[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const reasonOf = (p: Promise<unknown>) => p.then(() => 'fetched', (e: unknown) => (e instanceof BlockedUrlError ? e.reason : `other: ${String(e)}`));

describe('blockedAddressReason', () => {
  it('lets public unicast addresses through and names the range of the others', () => {
    expect(blockedAddressReason('93.184.215.14')).toBeNull();
    expect(blockedAddressReason('2606:4700::1111')).toBeNull();
    expect(blockedAddressReason('127.0.0.1')).toBe('127.0.0.1, a loopback address');
    expect(blockedAddressReason('10.1.2.3')).toBe('10.1.2.3, a private address');
    expect(blockedAddressReason('192.168.0.1')).toBe('192.168.0.1, a private address');
    expect(blockedAddressReason('169.254.169.254')).toBe('169.254.169.254, a linkLocal address');
    expect(blockedAddressReason('0.0.0.0')).toBe('0.0.0.0, a unspecified address');
    expect(blockedAddressReason('100.64.0.1')).toBe('100.64.0.1, a carrierGradeNat address');
    expect(blockedAddressReason('::1')).toBe('::1, a loopback address');
    expect(blockedAddressReason('fd00::1')).toBe('fd00::1, a uniqueLocal address');
    expect(blockedAddressReason('fe80::1')).toBe('fe80::1, a linkLocal address');
    // IPv4 in IPv6: mapped addresses are judged as the IPv4 they carry; NAT64 and the like are refused.
    expect(blockedAddressReason('::ffff:127.0.0.1')).toBe('::ffff:127.0.0.1, a loopback address');
    expect(blockedAddressReason('64:ff9b::7f00:1')).toBe('64:ff9b::7f00:1, a rfc6052 address');
  });
});

describe('assertFetchable', () => {
  const check = (url: string, allowHosts?: Set<string>) => reasonOf(assertFetchable(new URL(url), { resolve, allowHosts }));

  it('refuses other schemes and credentials in the URL', async () => {
    expect(await check('file:///etc/passwd')).toBe('uses file:, only http and https are fetched');
    expect(await check('ftp://public.example/x')).toBe('uses ftp:, only http and https are fetched');
    expect(await check('gopher://public.example/')).toBe('uses gopher:, only http and https are fetched');
    expect(await check('http://user:pw@public.example/')).toBe('carries a user name or password');
  });

  it('refuses addresses and names that point into the server\'s own network, after resolving them', async () => {
    expect(await check('http://public.example/pricing')).toBe('fetched');
    expect(await check('https://v6.example/')).toBe('fetched');
    expect(await check('http://127.0.0.1:3000/admin')).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
    expect(await check('http://[::1]/')).toBe('points to ::1, a loopback address; only public addresses are fetched');
    expect(await check('http://localhost.example/')).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
    expect(await check('http://metadata.example/latest/meta-data/')).toBe('points to 169.254.169.254, a linkLocal address; only public addresses are fetched');
    // One private address among public ones is enough to refuse (the connection could pick it).
    expect(await check('http://mixed.example/')).toBe('points to 10.0.0.7, a private address; only public addresses are fetched');
    expect(await check('http://mapped.example/')).toBe('points to ::ffff:192.168.1.20, a private address; only public addresses are fetched');
    // Decimal and hex spellings of 127.0.0.1 are normalised by the URL parser before the check.
    expect(await check('http://2130706433/')).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
    expect(await check('http://0x7f.1/')).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
    expect(await check('http://nowhere.example/')).toBe('could not be resolved (ENOTFOUND)');
  });

  it('lets the listed host:port through, and only that port', async () => {
    const allow = parseAllowHosts(' 127.0.0.1:3215 , Intranet.example:8080');
    expect([...allow]).toEqual(['127.0.0.1:3215', 'intranet.example:8080']);
    expect(await check('http://127.0.0.1:3215/pricing.html', allow)).toBe('fetched');
    expect(await check('http://127.0.0.1:3216/', allow)).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
  });
});

describe('createSafeFetch', () => {
  const redirecting = (to: Record<string, string>): { fetchImpl: FetchLike; seen: string[] } => {
    const seen: string[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      seen.push(url);
      expect(init?.redirect).toBe('manual');
      const next = to[url];
      return next ? new Response(null, { status: 302, headers: { location: next } }) : new Response('<h1>ok</h1>', { status: 200 });
    };
    return { fetchImpl, seen };
  };

  it('follows redirects by hand and checks every hop', async () => {
    const { fetchImpl, seen } = redirecting({ 'http://public.example/a': '/b', 'http://public.example/b': 'https://v6.example/c' });
    const res = await createSafeFetch({ resolve, fetchImpl })('http://public.example/a');
    expect(res.status).toBe(200);
    expect(seen).toEqual(['http://public.example/a', 'http://public.example/b', 'https://v6.example/c']);
  });

  it('refuses a redirect to a private address or another scheme without fetching it', async () => {
    const toMetadata = redirecting({ 'http://public.example/a': 'http://169.254.169.254/latest/meta-data/' });
    expect(await reasonOf(createSafeFetch({ resolve, fetchImpl: toMetadata.fetchImpl })('http://public.example/a'))).toBe(
      'redirects to http://169.254.169.254/latest/meta-data/, which points to 169.254.169.254, a linkLocal address; only public addresses are fetched',
    );
    expect(toMetadata.seen).toEqual(['http://public.example/a']);
    const toFile = redirecting({ 'http://public.example/a': 'file:///etc/passwd' });
    expect(await reasonOf(createSafeFetch({ resolve, fetchImpl: toFile.fetchImpl })('http://public.example/a'))).toBe('redirects to file:///etc/passwd, which uses file:, only http and https are fetched');
  });

  it('gives up after five redirects', async () => {
    const loop = redirecting({ 'http://public.example/a': '/b', 'http://public.example/b': '/a' });
    expect(await reasonOf(createSafeFetch({ resolve, fetchImpl: loop.fetchImpl })('http://public.example/a'))).toBe('redirects more than 5 times');
  });
});

describe('the connect-time lookup (DNS rebinding)', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('internal'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a name that resolves to a private address when the connection is made', async () => {
    const lookup = guardedLookup(resolve);
    const result = await new Promise<string>((r) => lookup('localhost.example', { all: true }, (error, address) => r(error ? error.message : JSON.stringify(address))));
    expect(result).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
    const ok = await new Promise<string>((r) => lookup('public.example', {}, (error, address, family) => r(error ? error.message : `${String(address)} ${family}`)));
    expect(ok).toBe('93.184.215.14 4');
  });

  it('the app\'s fetch refuses the loopback server, and reaches it once its host:port is allowed', async () => {
    expect(await reasonOf(createSafeFetch()(`http://127.0.0.1:${port}/`))).toBe('points to 127.0.0.1, a loopback address; only public addresses are fetched');
    const allowed = createSafeFetch({ allowHosts: new Set([`127.0.0.1:${port}`]) });
    expect(await (await allowed(`http://127.0.0.1:${port}/`)).text()).toBe('internal');
  });
});
