import { z } from 'zod';

/**
 * The JSON messages Twilio Media Streams sends on /call (and the phone simulator sends the same).
 * Only what the app relies on is checked; extra fields pass.
 */
const digits = z.string().regex(/^\d+$/);
/** base64 as Twilio sends it: whole quads, standard alphabet. Buffer.from would silently skip bad characters. */
const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'malformed base64');

const connected = z.looseObject({ event: z.literal('connected'), protocol: z.string().optional(), version: z.string().optional() });
const start = z.looseObject({
  event: z.literal('start'),
  sequenceNumber: digits.optional(),
  streamSid: z.string().min(1),
  start: z.looseObject({
    streamSid: z.string().min(1),
    accountSid: z.string().optional(),
    callSid: z.string().optional(),
    tracks: z.array(z.string()).optional(),
    customParameters: z.record(z.string(), z.string()).default({}),
    mediaFormat: z.looseObject({ encoding: z.string(), sampleRate: z.number(), channels: z.number() }),
  }),
});
const media = z.looseObject({
  event: z.literal('media'),
  sequenceNumber: digits.optional(),
  streamSid: z.string(),
  media: z.looseObject({ track: z.string().optional(), chunk: digits.optional(), timestamp: digits.optional(), payload: base64.min(1) }),
});
const mark = z.looseObject({ event: z.literal('mark'), streamSid: z.string(), mark: z.looseObject({ name: z.string().min(1) }) });
const dtmf = z.looseObject({ event: z.literal('dtmf'), streamSid: z.string(), dtmf: z.looseObject({ digit: z.string() }) });
const stop = z.looseObject({ event: z.literal('stop'), streamSid: z.string(), stop: z.looseObject({ callSid: z.string().optional() }).optional() });

export const mediaStreamMessageSchema = z.discriminatedUnion('event', [connected, start, media, mark, dtmf, stop]);
export type MediaStreamMessage = z.infer<typeof mediaStreamMessageSchema>;
export type StartMessage = z.infer<typeof start>;

export const MEDIA_STREAM_EVENTS = ['connected', 'start', 'media', 'mark', 'dtmf', 'stop'] as const;

export type MediaMessage = z.infer<typeof media>;
export type MediaCheck = { ok: true; msg: MediaMessage; bytes: Buffer } | { ok: false; reason: string };

const DIGITS = /^\d+$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalDigits = (v: unknown) => v === undefined || (typeof v === 'string' && DIGITS.test(v));

/**
 * The `media` message checked by hand: the same rules as the schema above (a test holds them
 * together), without zod. Media is 50 messages a second a call, and the schema was ~15 % of the
 * gateway's CPU at 200 calls (scripts/bench-phone.ts with a profile). The payload is decoded here
 * once; re-encoding it must give it back, so any character outside the standard alphabet, a
 * missing pad or stray bits after the last byte is refused (Buffer.from alone skips bad characters).
 */
export function checkMediaMessage(json: Record<string, unknown>): MediaCheck {
  if (typeof json.streamSid !== 'string') return { ok: false, reason: 'media: streamSid expected a string' };
  if (!optionalDigits(json.sequenceNumber)) return { ok: false, reason: 'media: sequenceNumber is not a digit string' };
  const m = json.media;
  if (!isRecord(m)) return { ok: false, reason: 'media: media expected an object' };
  if (m.track !== undefined && typeof m.track !== 'string') return { ok: false, reason: 'media: media.track expected a string' };
  if (!optionalDigits(m.chunk)) return { ok: false, reason: 'media: media.chunk is not a digit string' };
  if (!optionalDigits(m.timestamp)) return { ok: false, reason: 'media: media.timestamp is not a digit string' };
  if (typeof m.payload !== 'string' || m.payload.length === 0) return { ok: false, reason: 'media: media.payload expected a non-empty string' };
  const bytes = Buffer.from(m.payload, 'base64');
  if (bytes.toString('base64') !== m.payload) return { ok: false, reason: 'media: media.payload malformed base64' };
  return { ok: true, msg: json as MediaMessage, bytes };
}
