import { describe, expect, it } from 'vitest';
import { checkMediaMessage, mediaStreamMessageSchema } from './media-stream-messages';

const payload = Buffer.alloc(160, 0xff).toString('base64');
const good = { event: 'media', sequenceNumber: '3', streamSid: 'MZ1', media: { track: 'inbound', chunk: '1', timestamp: '20', payload } };

const samples: [string, Record<string, unknown>][] = [
  ['a Twilio frame', good],
  ['only the required fields', { event: 'media', streamSid: 'MZ1', media: { payload: 'AAAA' } }],
  ['extra fields', { ...good, extra: 1, media: { ...good.media, more: true } }],
  ['a missing streamSid', { event: 'media', media: { payload } }],
  ['a null streamSid', { event: 'media', streamSid: null, media: { payload } }],
  ['a numeric sequence number', { ...good, sequenceNumber: 3 }],
  ['a sequence number with letters', { ...good, sequenceNumber: '3a' }],
  ['no media', { event: 'media', streamSid: 'MZ1' }],
  ['media as an array', { event: 'media', streamSid: 'MZ1', media: [payload] }],
  ['a numeric track', { ...good, media: { ...good.media, track: 1 } }],
  ['a numeric timestamp', { ...good, media: { ...good.media, timestamp: 20 } }],
  ['a negative timestamp', { ...good, media: { ...good.media, timestamp: '-20' } }],
  ['a chunk with letters', { ...good, media: { ...good.media, chunk: 'x' } }],
  ['an empty payload', { ...good, media: { ...good.media, payload: '' } }],
  ['a numeric payload', { ...good, media: { ...good.media, payload: 12 } }],
  ['a payload with bad characters', { ...good, media: { ...good.media, payload: '@@@not base64' } }],
  ['a payload without its padding', { ...good, media: { ...good.media, payload: payload.replace(/=+$/, '') } }],
  ['a payload of partial quads', { ...good, media: { ...good.media, payload: 'AAAAA' } }],
  ['a payload with a space', { ...good, media: { ...good.media, payload: `${payload.slice(0, 8)} ${payload.slice(8)}` } }],
  ['a payload in the URL-safe alphabet', { ...good, media: { ...good.media, payload: '-_-_' } }],
];

describe('checkMediaMessage', () => {
  it.each(samples)('agrees with the schema on %s', (_what, json) => {
    const fast = checkMediaMessage(json);
    expect(fast.ok).toBe(mediaStreamMessageSchema.safeParse(json).success);
  });

  it('hands on the decoded audio and names what is wrong', () => {
    const ok = checkMediaMessage(good);
    expect(ok.ok && ok.bytes.length).toBe(160);
    expect(checkMediaMessage({ ...good, media: { ...good.media, payload: '@@@not base64' } })).toEqual({ ok: false, reason: 'media: media.payload malformed base64' });
    expect(checkMediaMessage({ event: 'media', media: { payload } })).toEqual({ ok: false, reason: 'media: streamSid expected a string' });
  });
});
