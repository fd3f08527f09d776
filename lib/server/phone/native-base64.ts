import { utils } from '@openai/agents/realtime';

/**
 * The SDK's Twilio transport encodes and decodes every audio frame with `utils.arrayBufferToBase64`
 * and `utils.base64ToArrayBuffer` (@openai/agents-realtime): portable versions built on
 * String.fromCharCode, btoa and atob, which were 14 % of the gateway's CPU at 200 calls
 * (scripts/bench-phone.ts with a profile). On the server, Node's Buffer does the same natively.
 * `utils` is a plain object the transport reads at each call, so its two converters are replaced
 * once, for the process, with ones that give exactly the same results (native-base64.test.ts).
 * The SDK's own WebSocket transport imports its converters directly and keeps the portable ones.
 */
export function nativeBase64ToArrayBuffer(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  // a fresh ArrayBuffer of exactly these bytes (a small Buffer is a view into a shared pool)
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function nativeArrayBufferToBase64(arrayBuffer: ArrayBuffer): string {
  return Buffer.from(arrayBuffer).toString('base64');
}

let installed = false;

export function installNativeBase64(): void {
  if (installed) return;
  installed = true;
  utils.base64ToArrayBuffer = nativeBase64ToArrayBuffer;
  utils.arrayBufferToBase64 = nativeArrayBufferToBase64;
}
