import type { SpokenSpan } from './speech/synthesis/timeline';

/**
 * The conversation as the engine holds it: items in order, shaped like the
 * service's `realtime.item`s. Engine-only facts (what a user audio turn
 * "said", an assistant's full planned text) live beside the items, never on
 * the wire.
 */
type ItemStatus = 'completed' | 'incomplete' | 'in_progress';

export type ContentPart =
  | { type: 'input_text'; text: string }
  | { type: 'input_audio'; transcript: string | null }
  | { type: 'input_image'; image_url?: string }
  | { type: 'output_text'; text: string }
  | { type: 'output_audio'; transcript: string | null };

export type MessageItem = {
  id: string;
  type: 'message';
  role: 'user' | 'assistant' | 'system';
  status: ItemStatus;
  content: ContentPart[];
};
export type FunctionCallItem = { id: string; type: 'function_call'; status: ItemStatus; name: string; call_id: string; arguments: string };
type FunctionCallOutputItem = { id: string; type: 'function_call_output'; status: ItemStatus; call_id: string; output: string };
export type EngineItem = MessageItem | FunctionCallItem | FunctionCallOutputItem;

/** Engine-side facts about an item. */
export type ItemMeta = {
  /** What the engine "heard" in a user audio turn (injected text or an honest placeholder). */
  heard?: string;
  /** For assistant audio: the full planned text and its spoken length. */
  plannedText?: string;
  plannedMs?: number;
  /** Audio actually streamed for this item, ms. */
  streamedMs?: number;
  /** For synthesised speech: where each piece's words fall in the streamed audio. */
  spoken?: SpokenSpan[];
};

export function toWireItem(item: EngineItem): Record<string, unknown> {
  return { object: 'realtime.item', ...structuredClone(item) };
}

/** Text a message carries, for reply policies: transcripts, typed text, or what was heard. */
export function messageText(item: MessageItem, meta?: ItemMeta): string {
  const parts = item.content.map((p) => {
    switch (p.type) {
      case 'input_text':
      case 'output_text':
        return p.text;
      case 'input_audio':
        return p.transcript ?? meta?.heard ?? '';
      case 'output_audio':
        return p.transcript ?? '';
      default:
        return '';
    }
  });
  return parts.filter((s) => s.trim() !== '').join(' ').trim();
}

export class Conversation {
  #items: EngineItem[] = [];
  #meta = new Map<string, ItemMeta>();

  get items(): readonly EngineItem[] {
    return this.#items;
  }

  has(id: string): boolean {
    return this.#items.some((i) => i.id === id);
  }

  get(id: string): EngineItem | undefined {
    return this.#items.find((i) => i.id === id);
  }

  meta(id: string): ItemMeta {
    let m = this.#meta.get(id);
    if (!m) {
      m = {};
      this.#meta.set(id, m);
    }
    return m;
  }

  lastId(): string | null {
    return this.#items.at(-1)?.id ?? null;
  }

  previousIdOf(id: string): string | null {
    const index = this.#items.findIndex((i) => i.id === id);
    return index > 0 ? (this.#items[index - 1]?.id ?? null) : null;
  }

  /**
   * Insert an item. `after` undefined or null appends; `'root'` puts it first;
   * an id puts it right after that item. Returns the id of the item now before
   * it (null only at the front), or an error when `after` names no item.
   */
  insert(item: EngineItem, after?: string | null): { ok: true; previousItemId: string | null } | { ok: false; reason: 'duplicate_id' | 'previous_not_found' } {
    if (this.has(item.id)) return { ok: false, reason: 'duplicate_id' };
    if (after === undefined || after === null) {
      const previousItemId = this.lastId();
      this.#items.push(item);
      return { ok: true, previousItemId };
    }
    if (after === 'root') {
      this.#items.unshift(item);
      return { ok: true, previousItemId: null };
    }
    const index = this.#items.findIndex((i) => i.id === after);
    if (index === -1) return { ok: false, reason: 'previous_not_found' };
    this.#items.splice(index + 1, 0, item);
    return { ok: true, previousItemId: after };
  }

  delete(id: string): boolean {
    const index = this.#items.findIndex((i) => i.id === id);
    if (index === -1) return false;
    this.#items.splice(index, 1);
    this.#meta.delete(id);
    return true;
  }

  findCall(callId: string): FunctionCallItem | undefined {
    return this.#items.find((i): i is FunctionCallItem => i.type === 'function_call' && i.call_id === callId);
  }
}
