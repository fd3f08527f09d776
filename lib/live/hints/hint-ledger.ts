import type { HintCard, HintStatus } from './hint-types';

/** Hints remembered at once (a call rarely has more; the transcript keeps its own copy of each card). */
const MAX_TRACKED_HINTS = 64;

/**
 * The hints of a call, by request id and by response id: which response belongs to which
 * request (the request id travels in the response's metadata), which one is speaking.
 * Bounded; every lookup is O(1). Cards are immutable: each change makes a new card.
 */
export class HintLedger {
  readonly #byRequest = new Map<string, HintCard>();
  readonly #byResponse = new Map<string, string>();
  /** Request whose response is speaking (or about to), null when none. */
  #speaking: string | null = null;

  add(card: HintCard): void {
    this.#byRequest.set(card.requestId, card);
    while (this.#byRequest.size > MAX_TRACKED_HINTS) {
      const oldest = this.#byRequest.keys().next().value;
      if (oldest === undefined) break;
      const dropped = this.#byRequest.get(oldest);
      this.#byRequest.delete(oldest);
      if (dropped?.responseId) this.#byResponse.delete(dropped.responseId);
    }
  }

  get(requestId: string | null | undefined): HintCard | undefined {
    return requestId ? this.#byRequest.get(requestId) : undefined;
  }

  byResponse(responseId: unknown): HintCard | undefined {
    return typeof responseId === 'string' ? this.get(this.#byResponse.get(responseId)) : undefined;
  }

  /** Apply a change; returns the new card (or undefined if the request is unknown). */
  update(requestId: string, patch: Partial<Omit<HintCard, 'requestId'>>): HintCard | undefined {
    const card = this.#byRequest.get(requestId);
    if (!card) return undefined;
    const next: HintCard = { ...card, ...patch };
    this.#byRequest.set(requestId, next);
    if (next.responseId) this.#byResponse.set(next.responseId, requestId);
    return next;
  }

  get speaking(): HintCard | undefined {
    return this.get(this.#speaking);
  }

  setSpeaking(requestId: string | null): void {
    this.#speaking = requestId;
  }

  /** Cards not finished yet (requested or speaking). */
  unfinished(): HintCard[] {
    const out: HintCard[] = [];
    for (const card of this.#byRequest.values()) if (card.status === 'requested' || card.status === 'speaking') out.push(card);
    return out;
  }

  clear(): void {
    this.#byRequest.clear();
    this.#byResponse.clear();
    this.#speaking = null;
  }
}

export function finishedStatus(responseStatus: unknown): Extract<HintStatus, 'done' | 'failed'> {
  return responseStatus === 'failed' ? 'failed' : 'done';
}
