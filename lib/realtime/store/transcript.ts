import type { RealtimeItem } from '@openai/agents-realtime';
import type { TranscriptRow, TranscriptRole, TranscriptState } from './types';

/**
 * Reducers that turn the SDK's history (and the live transcript deltas it does not carry)
 * into what the transcript view shows. A history update builds a new `byId`, reusing every
 * entry that did not change (rows keep their identity and do not re-render): O(n) per
 * history event. A delta is the hot path (dozens a second for a two-hour meeting): it
 * writes one entry of the current `byId` in place and leaves `order` alone, so its cost
 * does not depend on how many items are shown.
 */

export const EMPTY_TRANSCRIPT: TranscriptState = Object.freeze({ order: Object.freeze([]), byId: Object.freeze({}), rev: 0 });

type MessageText = { text: string; source: 'voice' | 'text' };

/** The words of a user/assistant message: typed text or the audio transcript. */
function messageText(item: RealtimeItem): MessageText | null {
  if (item.type !== 'message' || item.role === 'system') return null;
  let voice = false;
  const parts: string[] = [];
  for (const part of item.content) {
    if (part.type === 'input_text' || part.type === 'output_text') {
      parts.push(part.text);
    } else if (part.type === 'input_audio' || part.type === 'output_audio') {
      voice = true;
      if (part.transcript) parts.push(part.transcript);
    }
  }
  return { text: parts.join(' ').trim(), source: voice ? 'voice' : 'text' };
}

function sameItem(a: TranscriptRow, b: TranscriptRow): boolean {
  return (
    a.role === b.role &&
    a.text === b.text &&
    a.partial === b.partial &&
    a.status === b.status &&
    a.source === b.source &&
    a.placeholder === b.placeholder
  );
}

/** Map one history item onto the transcript, keeping what the user already saw. */
function fromHistoryItem(item: RealtimeItem, prev: TranscriptRow | undefined, now: number = Date.now()): TranscriptRow | null {
  if (item.type !== 'message' || item.role === 'system') return null;
  const words = messageText(item);
  if (!words) return null;
  // An interrupted reply can come back `incomplete` with no transcript at all: never wipe
  // words already on screen because the history lost them.
  const text = words.text || prev?.text || '';
  const next: TranscriptRow = {
    id: item.itemId,
    role: item.role,
    text,
    partial: text ? '' : (prev?.partial ?? ''),
    status: item.status,
    // A replayed voice turn comes back as text after a reconnect; it was still spoken.
    source: prev && !prev.placeholder ? prev.source : words.source,
    placeholder: false,
    at: prev?.at ?? now,
  };
  return prev && sameItem(prev, next) ? prev : next;
}

/**
 * Show items in the order they happened. The SDK places an out-of-band item (a hint) at the
 * end of its history, and every later turn is inserted before it (the service links turns
 * to the previous conversation item, which a hint is not), so history order drifts from
 * time order. A stable sort by first-seen time restores it (ties keep history order); the
 * input is a few sorted runs, which the engine's merge sort handles in about O(n).
 */
function inTimeOrder(order: string[], byId: Readonly<Record<string, TranscriptRow>>): void {
  const at = (id: string) => byId[id]?.at ?? 0;
  for (let i = 1; i < order.length; i++) {
    if (at(order[i]!) < at(order[i - 1]!)) {
      order.sort((a, b) => at(a) - at(b));
      return;
    }
  }
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rebuild the transcript from a full `history_updated` snapshot (O(n) per history event, not per delta). */
export function applyHistory(prev: TranscriptState, history: readonly RealtimeItem[], now: number = Date.now()): TranscriptState {
  const byId: Record<string, TranscriptRow> = {};
  const order: string[] = [];
  let changed = false;
  for (const entry of history) {
    const previous = prev.byId[entry.itemId];
    const next = fromHistoryItem(entry, previous, now);
    if (!next || byId[next.id]) continue;
    byId[next.id] = next;
    order.push(next.id);
    if (next !== previous) changed = true;
  }
  // Items seen only through deltas so far stay until the history catches up; items that
  // were in the history and left it were deleted, so they go.
  for (const id of prev.order) {
    const item = prev.byId[id];
    if (!item || byId[id] || !item.placeholder) continue;
    byId[id] = item;
    order.push(id);
  }
  inTimeOrder(order, byId);
  const orderUnchanged = sameOrder(order, prev.order);
  if (!changed && orderUnchanged) return prev;
  return { order: orderUnchanged ? prev.order : order, byId, rev: prev.rev + 1 };
}

export type TranscriptDelta = { itemId: string; role: TranscriptRole; delta: string };

/** `byId` to write into: the current one, unless it is frozen (the shared empty state). */
function writable(byId: Readonly<Record<string, TranscriptRow>>): Record<string, TranscriptRow> {
  return Object.isFrozen(byId) ? { ...byId } : (byId as Record<string, TranscriptRow>);
}

/**
 * Append live words to one item. O(1) in the number of items: the entry is replaced in the
 * current `byId` (see TranscriptState), `order` is untouched unless the item is new.
 */
export function applyDelta(prev: TranscriptState, { itemId, role, delta }: TranscriptDelta, now: number = Date.now()): TranscriptState {
  if (!itemId || !delta) return prev;
  const item = prev.byId[itemId];
  if (!item) {
    const placeholder: TranscriptRow = {
      id: itemId,
      role,
      text: '',
      partial: delta,
      status: 'in_progress',
      source: 'voice',
      placeholder: true,
      at: now,
    };
    const byId = writable(prev.byId);
    byId[itemId] = placeholder;
    return { order: [...prev.order, itemId], byId, rev: prev.rev + 1 };
  }
  // Settled history text is the truth; late deltas for it are noise.
  if (item.text) return prev;
  const byId = writable(prev.byId);
  byId[itemId] = { ...item, partial: item.partial + delta };
  return { order: prev.order, byId, rev: prev.rev + 1 };
}

/** The words to show for an item. */
export function displayText(item: TranscriptRow): string {
  return item.text || item.partial;
}
