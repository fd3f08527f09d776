/**
 * Which responses (and their output items) are out of band (`conversation: 'none'`). The
 * service says so on `response.created`: `conversation_id` is null. Such items are not in
 * the conversation, so truncating one is pointless and answered with `item_not_found`.
 * Bounded: only the most recent responses and items are remembered.
 */
const MAX_TRACKED = 64;

function remember(set: Set<string>, id: string): void {
  set.add(id);
  if (set.size > MAX_TRACKED) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}

type EventShape = { type?: unknown; response?: { id?: unknown; conversation_id?: unknown }; response_id?: unknown; item?: { id?: unknown } };

export class OutOfBandTracker {
  readonly #responses = new Set<string>();
  readonly #items = new Set<string>();

  /** Feed every server event (cheap: looks at two event types). */
  observe(event: unknown): void {
    const e = event as EventShape;
    if (e.type === 'response.created') {
      const id = e.response?.id;
      if (typeof id === 'string' && e.response?.conversation_id === null) remember(this.#responses, id);
    } else if (e.type === 'response.output_item.added') {
      const itemId = e.item?.id;
      if (typeof e.response_id === 'string' && this.#responses.has(e.response_id) && typeof itemId === 'string') {
        remember(this.#items, itemId);
      }
    }
  }

  isOutOfBandItem(itemId: string | undefined): boolean {
    return itemId !== undefined && this.#items.has(itemId);
  }

  isOutOfBandResponse(responseId: string | undefined): boolean {
    return responseId !== undefined && this.#responses.has(responseId);
  }

  /** True for an `item_not_found` error about an out-of-band item (expected after an interrupt). */
  isBenignItemError(error: { code?: unknown; message?: unknown } | undefined): boolean {
    if (!error || error.code !== 'item_not_found' || typeof error.message !== 'string') return false;
    for (const id of this.#items) if (error.message.includes(id)) return true;
    return false;
  }

  clear(): void {
    this.#responses.clear();
    this.#items.clear();
  }
}
