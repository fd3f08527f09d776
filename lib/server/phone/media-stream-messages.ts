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
