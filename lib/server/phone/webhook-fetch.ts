import type { Env } from '@/lib/server/env-schema';
import { createSafeFetch, parseAllowHosts } from '@/lib/server/net/safe-fetch';
import type { FetchLike } from './webhook-tool';

/**
 * The fetch webhook tools run on, on calls and in the studio's Try it: an admin typed the URL, so it
 * goes through the SSRF guard (public addresses only, every hop and the connection itself checked;
 * CUE_WEBHOOK_ALLOW_HOSTS names the exceptions) and follows no redirect (a 3xx is the tool's answer).
 */
export function webhookFetch(env: Env): FetchLike {
  return createSafeFetch({ allowHosts: parseAllowHosts(env.CUE_WEBHOOK_ALLOW_HOSTS), maxRedirects: 0 });
}
