import 'server-only';
import { headers } from 'next/headers';

/** Who is asking, for rate limiting: the first forwarded address, else the direct one. */
export async function requestClientKey(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || 'direct';
}
