import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (X-Twilio-Signature): base64(HMAC-SHA1(auth token, the full URL
 * Twilio requested, then each POST parameter's name and value, names sorted)). The URL is the
 * public one Twilio was given (CUE_PUBLIC_URL + path), never the Host header: behind a tunnel
 * or proxy that differs. The WebSocket upgrade is signed over its wss:// URL with no params.
 * Hand-written (node:crypto, a dozen lines) rather than the `twilio` package (~21 MB with its
 * REST client) for one function; Twilio's published test vector pins it (twilio-signature.test.ts).
 */
export function twilioSignature(authToken: string, url: string, params: Readonly<Record<string, string>> = {}): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** Constant-time check of a received signature; a missing one fails. */
export function validTwilioSignature(input: { authToken: string; url: string; params?: Readonly<Record<string, string>>; signature: string | null | undefined }): boolean {
  if (!input.signature) return false;
  const expected = Buffer.from(twilioSignature(input.authToken, input.url, input.params));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The public URL of `path` on the app (CUE_PUBLIC_URL, no trailing slash), as Twilio requests it. */
export function publicUrl(publicBase: string, path: string, scheme: 'http' | 'ws' = 'http'): string {
  const u = new URL(publicBase);
  const base = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  const url = `${base}${path}`;
  if (scheme === 'http') return url;
  return url.replace(/^https:/, 'wss:').replace(/^http:/, 'ws:');
}
