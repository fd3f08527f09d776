import 'server-only';
import { parseRobots, robotsAllows, sitemapUrls } from '@/lib/website/knowledge/robots';
import { env } from '@/lib/server/env';
import { htmlToMarkdown } from './extract';
import { ingestPage, type IngestCounts } from './knowledge';
import { BlockedUrlError, createSafeFetch, parseAllowHosts, type FetchLike } from '@/lib/server/net/safe-fetch';

/**
 * Server-side ingestion of a site's pages: a sitemap or a list of page URLs, fetched with a
 * timeout and a size cap through the SSRF guard (lib/server/net/safe-fetch: public addresses only, every
 * redirect checked), each checked against its origin's robots.txt (RFC 9309: a 4xx robots.txt
 * allows everything, one that cannot be read disallows everything), its main content extracted.
 * Every page is its own result: ingested (what changed) or refused with the reason.
 */
const USER_AGENT = 'CueBot';
const MAX_PAGE_BYTES = 2_000_000;
const MAX_PAGES = 50;
const TIMEOUT_MS = 8000;

export type PageResult = { url: string; ok: true; title: string; counts: IngestCounts } | { url: string; ok: false; reason: string };

type Fetched = { ok: true; text: string; type: string } | { ok: false; reason: string; status?: number; blocked?: true };

async function fetchText(url: string, fetchImpl: FetchLike): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: { 'user-agent': `${USER_AGENT}/1.0`, accept: 'text/html,application/xml,text/plain;q=0.8' }, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // The guard refuses before connecting, or at connect time (undici wraps it in `cause`).
    const blocked = error instanceof BlockedUrlError ? error : (error as { cause?: unknown } | null)?.cause;
    if (blocked instanceof BlockedUrlError) return { ok: false, reason: blocked.reason, blocked: true };
    return { ok: false, reason: `could not be fetched (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!res.ok) return { ok: false, reason: `answered HTTP ${res.status}`, status: res.status };
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_PAGE_BYTES) return { ok: false, reason: `is larger than ${MAX_PAGE_BYTES / 1_000_000} MB` };
  const text = await res.text();
  if (text.length > MAX_PAGE_BYTES) return { ok: false, reason: `is larger than ${MAX_PAGE_BYTES / 1_000_000} MB` };
  return { ok: true, text, type: res.headers.get('content-type') ?? '' };
}

function parseHttpUrl(raw: string): URL | null {
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Expand sitemaps among `inputs` into their page URLs (at most MAX_PAGES in all). */
async function expand(inputs: readonly string[], fetchImpl: FetchLike): Promise<{ urls: string[]; errors: PageResult[] }> {
  const urls: string[] = [];
  const errors: PageResult[] = [];
  for (const raw of inputs) {
    const u = parseHttpUrl(raw);
    if (!u) {
      errors.push({ url: raw, ok: false, reason: 'is not an http(s) URL' });
      continue;
    }
    if (/sitemap[^/]*\.xml$/i.test(u.pathname)) {
      const map = await fetchText(u.toString(), fetchImpl);
      if (!map.ok) errors.push({ url: u.toString(), ok: false, reason: `sitemap ${map.reason}` });
      else urls.push(...sitemapUrls(map.text));
    } else urls.push(u.toString());
  }
  return { urls: [...new Set(urls)].slice(0, MAX_PAGES), errors };
}

/** The rules of an origin's robots.txt, or why none of its pages may be fetched. */
async function robotsFor(origin: string, fetchImpl: FetchLike): Promise<{ rules: ReturnType<typeof parseRobots> } | { refused: string }> {
  const txt = await fetchText(`${origin}/robots.txt`, fetchImpl);
  if (txt.ok) return { rules: parseRobots(txt.text, USER_AGENT) };
  if (txt.status !== undefined && txt.status >= 400 && txt.status < 500) return { rules: [] };
  if (txt.blocked) return { refused: txt.reason };
  return { refused: `was not fetched: the site's robots.txt ${txt.reason}, so its rules are unknown` };
}

/** The app's fetch for ingestion: the SSRF guard, with CUE_INGEST_ALLOW_HOSTS let through. */
function ingestFetch(): FetchLike {
  return createSafeFetch({ allowHosts: parseAllowHosts(env().CUE_INGEST_ALLOW_HOSTS) });
}

export async function ingestUrls(siteId: string, inputs: readonly string[], fetchImpl: FetchLike = ingestFetch()): Promise<PageResult[]> {
  const { urls, errors } = await expand(inputs, fetchImpl);
  const robots = new Map<string, Awaited<ReturnType<typeof robotsFor>>>();
  const results: PageResult[] = [...errors];
  for (const url of urls) {
    const u = new URL(url);
    if (!robots.has(u.origin)) robots.set(u.origin, await robotsFor(u.origin, fetchImpl));
    const site = robots.get(u.origin)!;
    if ('refused' in site) {
      results.push({ url, ok: false, reason: site.refused });
      continue;
    }
    if (!robotsAllows(site.rules, `${u.pathname}${u.search}`)) {
      results.push({ url, ok: false, reason: 'is disallowed by the site\'s robots.txt' });
      continue;
    }
    const page = await fetchText(url, fetchImpl);
    if (!page.ok) {
      results.push({ url, ok: false, reason: page.reason });
      continue;
    }
    const isMarkdown = /markdown|text\/plain/.test(page.type) || /\.md$/i.test(u.pathname);
    const { title, markdown } = isMarkdown ? { title: u.pathname, markdown: page.text } : htmlToMarkdown(page.text);
    if (!markdown.trim()) {
      results.push({ url, ok: false, reason: 'has no readable text' });
      continue;
    }
    const counts = await ingestPage(siteId, { url, title: title || u.pathname, markdown });
    results.push({ url, ok: true, title: title || u.pathname, counts });
  }
  return results;
}

/** An uploaded file (HTML or Markdown), stored under `upload:<name>`. */
export async function ingestUpload(siteId: string, file: { name: string; text: string }): Promise<PageResult> {
  const url = `upload:${file.name}`;
  const isHtml = /\.html?$/i.test(file.name) || /^\s*</.test(file.text);
  const { title, markdown } = isHtml ? htmlToMarkdown(file.text) : { title: file.name, markdown: file.text };
  if (!markdown.trim()) return { url, ok: false, reason: 'has no readable text' };
  const counts = await ingestPage(siteId, { url, title: title || file.name, markdown });
  return { url, ok: true, title: title || file.name, counts };
}
