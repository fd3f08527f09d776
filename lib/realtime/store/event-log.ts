import type { EventDirection, EventLogEntry } from './types';

/**
 * The raw event log: every client and server event, newest last, capped. Audio bytes are
 * replaced by their size (a 2000-entry log of base64 audio would hold tens of megabytes), and
 * audio chunks fold into the entry of their stream (same type and direction, found across
 * other streaming events in between) with a count, so a minute of speech does not push
 * everything else out of the log. An entry keeps the time of its first event.
 */

export const EVENT_LOG_CAP = 2000;

/** Event types whose entries fold into one per stream. */
const FOLDED_EVENT_TYPES: ReadonlySet<string> = new Set(['input_audio_buffer.append', 'response.output_audio.delta']);

/** Events that interleave with audio while someone speaks; folding may look past them. */
const STREAMING_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...FOLDED_EVENT_TYPES,
  'response.output_audio_transcript.delta',
  'response.output_text.delta',
  'conversation.item.input_audio_transcription.delta',
]);

/** How far back (in entries) a chunk may fold into its stream's entry. */
const FOLD_LOOKBACK = 8;

function foldTarget(events: readonly EventLogEntry[], entry: NewLogEntry): number {
  if (!FOLDED_EVENT_TYPES.has(entry.type)) return -1;
  const stop = Math.max(0, events.length - FOLD_LOOKBACK);
  for (let i = events.length - 1; i >= stop; i--) {
    const e = events[i]!;
    if (e.type === entry.type && e.direction === entry.direction) return i;
    if (!STREAMING_EVENT_TYPES.has(e.type)) return -1;
  }
  return -1;
}

/** Bytes encoded by a base64 string. */
export function base64ByteLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((b64.length * 3) / 4) - padding);
}

function audioPlaceholder(b64: string): string {
  return `[audio: ${base64ByteLength(b64)} bytes]`;
}

/** A copy of the event with audio payloads replaced by their size. */
export function redactEvent(event: Record<string, unknown>): Record<string, unknown> {
  const type = event.type;
  if (type === 'input_audio_buffer.append' && typeof event.audio === 'string') {
    return { ...event, audio: audioPlaceholder(event.audio) };
  }
  if (type === 'response.output_audio.delta' && typeof event.delta === 'string') {
    return { ...event, delta: audioPlaceholder(event.delta) };
  }
  const item = event.item as { content?: unknown } | undefined;
  if (item && Array.isArray(item.content)) {
    const content = item.content.map((part: unknown) => {
      const p = part as Record<string, unknown> | null;
      return p && typeof p.audio === 'string' && p.audio.length > 0 ? { ...p, audio: audioPlaceholder(p.audio) } : part;
    });
    return { ...event, item: { ...item, content } };
  }
  return event;
}

export type NewLogEntry = { at: number; direction: EventDirection; type: string; payload: unknown };

/** Append (or fold) one entry, dropping the oldest past `cap`. Returns the same array only if nothing changed. */
export function appendLogEntry(
  events: readonly EventLogEntry[],
  entry: NewLogEntry,
  id: number,
  cap: number = EVENT_LOG_CAP,
): EventLogEntry[] {
  const target = foldTarget(events, entry);
  if (target >= 0) {
    const stream = events[target]!;
    const next = events.slice();
    next[target] = { ...stream, payload: entry.payload, count: stream.count + 1 };
    return next;
  }
  const fresh: EventLogEntry = { id, at: entry.at, direction: entry.direction, type: entry.type, payload: entry.payload, count: 1 };
  const start = events.length >= cap ? events.length - cap + 1 : 0;
  const next = events.slice(start);
  next.push(fresh);
  return next;
}

/**
 * Parse a frame the client put on the wire into a log entry payload. Audio appends are
 * recognised by prefix so a 5 kB base64 chunk is never parsed just to be thrown away.
 */
export function parseOutgoingFrame(data: unknown): { type: string; payload: unknown } | null {
  if (typeof data !== 'string') return null;
  if (data.startsWith('{"type":"input_audio_buffer.append"')) {
    const match = /"audio":"([^"]*)"/.exec(data);
    return { type: 'input_audio_buffer.append', payload: { type: 'input_audio_buffer.append', audio: audioPlaceholder(match?.[1] ?? '') } };
  }
  try {
    const parsed = JSON.parse(data) as unknown;
    if (!parsed || typeof parsed !== 'object') return null;
    const event = parsed as Record<string, unknown>;
    return { type: typeof event.type === 'string' ? event.type : 'unknown', payload: redactEvent(event) };
  } catch {
    return null;
  }
}
