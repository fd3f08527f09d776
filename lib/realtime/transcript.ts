import type { RealtimeItem } from '@openai/agents-realtime';
import type { TranscriptItem, TranscriptRole, TranscriptState } from './types';

/**
 * Pure reducers that turn the SDK's history (and the live transcript deltas it does not
 * carry) into what the transcript view shows. A delta replaces one entry of `byId` and
 * leaves `order` alone; a history update reuses every entry that did not change, so rows
 * that did not change keep their identity and do not re-render.
 */

export const EMPTY_TRANSCRIPT: TranscriptState = Object.freeze({ order: Object.freeze([]), byId: Object.freeze({}) });

type MessageText = { text: string; source: 'voice' | 'text' };

/** The words of a user/assistant message: typed text or the audio transcript. */
export function messageText(item: RealtimeItem): MessageText | null {
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

function sameItem(a: TranscriptItem, b: TranscriptItem): boolean {
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
export function fromHistoryItem(item: RealtimeItem, prev: TranscriptItem | undefined): TranscriptItem | null {
  if (item.type !== 'message' || item.role === 'system') return null;
  const words = messageText(item);
  if (!words) return null;
  // An interrupted reply can come back `incomplete` with no transcript at all: never wipe
  // words already on screen because the history lost them.
  const text = words.text || prev?.text || '';
  const next: TranscriptItem = {
    id: item.itemId,
    role: item.role,
    text,
    partial: text ? '' : (prev?.partial ?? ''),
    status: item.status,
    // A replayed voice turn comes back as text after a reconnect; it was still spoken.
    source: prev && !prev.placeholder ? prev.source : words.source,
    placeholder: false,
  };
  return prev && sameItem(prev, next) ? prev : next;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rebuild the transcript from a full `history_updated` snapshot (O(n) per history event, not per delta). */
export function applyHistory(prev: TranscriptState, history: readonly RealtimeItem[]): TranscriptState {
  const byId: Record<string, TranscriptItem> = {};
  const order: string[] = [];
  let changed = false;
  for (const entry of history) {
    const previous = prev.byId[entry.itemId];
    const next = fromHistoryItem(entry, previous);
    if (!next || byId[next.id]) continue;
    byId[next.id] = next;
    order.push(next.id);
    if (next !== previous) changed = true;
  }
  // Items seen only through deltas so far stay (at the end) until the history catches up;
  // items that were in the history and left it were deleted, so they go.
  for (const id of prev.order) {
    const item = prev.byId[id];
    if (!item || byId[id] || !item.placeholder) continue;
    byId[id] = item;
    order.push(id);
  }
  const orderUnchanged = sameOrder(order, prev.order);
  if (!changed && orderUnchanged) return prev;
  return { order: orderUnchanged ? prev.order : order, byId };
}

export type TranscriptDelta = { itemId: string; role: TranscriptRole; delta: string };

/** Append live words to one item: O(1) in the number of items, `order` untouched unless the item is new. */
export function applyDelta(prev: TranscriptState, { itemId, role, delta }: TranscriptDelta): TranscriptState {
  if (!itemId || !delta) return prev;
  const item = prev.byId[itemId];
  if (!item) {
    const placeholder: TranscriptItem = {
      id: itemId,
      role,
      text: '',
      partial: delta,
      status: 'in_progress',
      source: 'voice',
      placeholder: true,
    };
    return { order: [...prev.order, itemId], byId: { ...prev.byId, [itemId]: placeholder } };
  }
  // Settled history text is the truth; late deltas for it are noise.
  if (item.text) return prev;
  return { order: prev.order, byId: { ...prev.byId, [itemId]: { ...item, partial: item.partial + delta } } };
}

/** The words to show for an item. */
export function displayText(item: TranscriptItem): string {
  return item.text || item.partial;
}
