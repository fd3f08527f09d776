import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/server/env';
import { clientIpFrom } from './client-ip';

/** The asking client's address for rate limits (see client-ip.ts for which hops count). */
export async function requestClientIp(): Promise<string> {
  return clientIpFrom(await headers(), env().CUE_TRUSTED_PROXY_HOPS);
}
