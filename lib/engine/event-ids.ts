import { randomBytes } from 'node:crypto';

/**
 * Ids shaped like the real service's (`event_…`, `item_…`, `resp_…`, `call_…`):
 * a per-connection random stem plus a counter, so ids are unique across
 * sessions and strictly ordered within one. Every id fits the service's
 * 32-character cap: the longest prefix (6) + stem (10) + a counter that has
 * at most 11 base-36 digits below 2^53 is 27.
 */
export const MAX_ID_CHARS = 32;
export type IdFactory = {
  event(): string;
  item(): string;
  response(): string;
  call(): string;
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomStem(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function createIdFactory(startAt = 0): IdFactory {
  const stem = randomStem(10);
  let counter = startAt;
  const next = (prefix: string) => `${prefix}_${stem}${(++counter).toString(36).padStart(4, '0')}`;
  return {
    event: () => next('event'),
    item: () => next('item'),
    response: () => next('resp'),
    call: () => next('call'),
  };
}
