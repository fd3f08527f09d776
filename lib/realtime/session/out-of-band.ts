/**
 * The session's responses as the server reports them: which are in progress (response.created
 * without its response.done yet), and which are out of band (`conversation: 'none'`; the
 * service says so on `response.created`: `conversation_id` is null).
 *  - A cancel must name an in-progress response by id: under the GA rules a bare
 *    `response.cancel` stops only the default conversation's response, so an out-of-band one
 *    (a hint) would keep generating and be answered `response_cancel_not_active`.
 *  - Out-of-band items are not in the conversation, so truncating one is pointless and answered
 *    with `item_not_found`.
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

/** What a transport needs to name the responses its cancel stops. */
export type CancelTargets = {
  /** In-progress responses no cancel was sent for yet, oldest first; they count as cancel-requested from now on. */
  take(): string[];
};

export class OutOfBandTracker implements CancelTargets {
  readonly #responses = new Set<string>();
  readonly #items = new Set<string>();
  /** In progress: response id -> a cancel for it was sent. */
  readonly #inProgress = new Map<string, boolean>();

  /** Feed every server event (cheap: looks at three event types). */
  observe(event: unknown): void {
    const e = event as EventShape;
    if (e.type === 'response.created') {
      const id = e.response?.id;
      if (typeof id !== 'string') return;
      if (e.response?.conversation_id === null) remember(this.#responses, id);
      this.#inProgress.set(id, false);
      if (this.#inProgress.size > MAX_TRACKED) this.#inProgress.delete(this.#inProgress.keys().next().value as string);
    } else if (e.type === 'response.done') {
      const id = e.response?.id;
      if (typeof id === 'string') this.#inProgress.delete(id);
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

  /** A response of the conversation (not out of band) is in progress: another one would be refused until it is done. */
  conversationResponseInProgress(): boolean {
    for (const id of this.#inProgress.keys()) if (!this.#responses.has(id)) return true;
    return false;
  }

  isOutOfBandResponse(responseId: string | undefined): boolean {
    return responseId !== undefined && this.#responses.has(responseId);
  }

  take(): string[] {
    const ids: string[] = [];
    for (const [id, cancelled] of this.#inProgress) {
      if (cancelled) continue;
      this.#inProgress.set(id, true);
      ids.push(id);
    }
    return ids;
  }

  /** Claim one response for a cancel: true if it is in progress and no cancel was sent for it yet. */
  takeOne(responseId: string): boolean {
    if (this.#inProgress.get(responseId) !== false) return false;
    this.#inProgress.set(responseId, true);
    return true;
  }

  /** True for an `item_not_found` error about an out-of-band item (expected after an interrupt). */
  isBenignItemError(error: { code?: unknown; message?: unknown } | undefined): boolean {
    if (!error || error.code !== 'item_not_found' || typeof error.message !== 'string') return false;
    for (const id of this.#items) if (error.message.includes(id)) return true;
    return false;
  }

  /** A new connection: nothing of the old one is in progress any more (what was out of band stays known). */
  sessionEnded(): void {
    this.#inProgress.clear();
  }

  clear(): void {
    this.#responses.clear();
    this.#items.clear();
    this.#inProgress.clear();
  }
}
