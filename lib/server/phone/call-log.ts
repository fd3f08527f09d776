import type { PhoneCallEvent, PhoneCallStatus, PhoneCallUsage, PhoneToolCall, PhoneTranscriptLine } from '@/lib/contracts/phone-call';
import type { NewPhoneCallRow } from '@/lib/server/db/phone-calls-schema';

/**
 * One call's log while it runs: both sides' words (from the session's history), events and tool
 * calls. Written at the start, then at most once a second while something changed (the live view
 * reads those writes), then once more when the call ends. Writes are serialised; a failing write
 * is logged and the call goes on. Arrays are capped so a runaway call cannot grow a row forever.
 */
export type CallStore = {
  insert(row: NewPhoneCallRow): Promise<void>;
  update(id: string, patch: Partial<Omit<NewPhoneCallRow, 'id'>>): Promise<void>;
};

const MAX_EVENTS = 400;
const MAX_TOOL_CALLS = 100;
const MAX_LINES = 1000;
const FLUSH_MS = 1000;

type HistoryItem = { itemId: string; type: string; role?: string; content?: { type: string; transcript?: string | null; text?: string }[] };

export class CallLog {
  #lines = new Map<string, PhoneTranscriptLine>();
  readonly events: PhoneCallEvent[] = [];
  readonly toolCalls: PhoneToolCall[] = [];
  #writes: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #dirty = false;
  #started = false;
  #finished = false;

  constructor(
    readonly id: string,
    private readonly store: CallStore,
    private readonly log: (line: string) => void,
  ) {}

  start(row: Omit<NewPhoneCallRow, 'id' | 'status' | 'transcript' | 'events' | 'toolCalls'>): Promise<void> {
    this.#started = true;
    return this.#write(() => this.store.insert({ ...row, id: this.id, status: 'in_progress', transcript: this.transcript, events: this.events, toolCalls: this.toolCalls }));
  }

  /** The agent's words as they stream (transcript deltas), for a reply the history has no text for yet (a caller who hangs up mid-sentence). */
  #partials = new Map<string, { text: string; at: string }>();

  get transcript(): PhoneTranscriptLine[] {
    const lines = [...this.#lines.values()].map((l) => (l.text.trim() === '' && this.#partials.has(l.itemId) ? { ...l, text: this.#partials.get(l.itemId)?.text.trim() ?? '' } : l));
    for (const [itemId, p] of this.#partials) if (!this.#lines.has(itemId)) lines.push({ itemId, speaker: 'agent', text: p.text.trim(), at: p.at });
    return lines.filter((l) => l.text !== '');
  }

  agentDelta(itemId: string, delta: string): void {
    const known = this.#partials.get(itemId);
    if (known) known.text += delta;
    else if (this.#partials.size < MAX_LINES) this.#partials.set(itemId, { text: delta, at: new Date().toISOString() });
    this.#touch();
  }

  event(type: string, detail?: string): void {
    if (this.events.length < MAX_EVENTS) this.events.push({ at: new Date().toISOString(), type, ...(detail ? { detail: detail.slice(0, 500) } : {}) });
    this.#touch();
  }

  toolCall(call: PhoneToolCall): void {
    if (this.toolCalls.length < MAX_TOOL_CALLS) this.toolCalls.push(call);
    this.#touch();
  }

  /** The session's history (RealtimeSession `history_updated`): user and assistant messages with their words so far. */
  history(items: readonly HistoryItem[]): void {
    for (const item of items) {
      if (item.type !== 'message' || (item.role !== 'user' && item.role !== 'assistant')) continue;
      const text = (item.content ?? []).map((c) => c.transcript ?? c.text ?? '').join(' ').trim();
      const known = this.#lines.get(item.itemId);
      if (known) {
        if (known.text !== text) {
          known.text = text;
          this.#touch();
        }
      } else if (this.#lines.size < MAX_LINES) {
        this.#lines.set(item.itemId, { itemId: item.itemId, speaker: item.role === 'user' ? 'caller' : 'agent', text, at: new Date().toISOString() });
        this.#touch();
      }
    }
  }

  finish(patch: { status: PhoneCallStatus; endReason: string; endedAt: Date; durationMs: number; usage: PhoneCallUsage | null; streamSid?: string | null }): Promise<void> {
    this.#finished = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (!this.#started) return Promise.resolve();
    return this.#write(() => this.store.update(this.id, { ...patch, transcript: this.transcript, events: this.events, toolCalls: this.toolCalls }));
  }

  #touch(): void {
    this.#dirty = true;
    if (this.#timer || this.#finished || !this.#started) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#dirty || this.#finished) return;
      this.#dirty = false;
      void this.#write(() => this.store.update(this.id, { transcript: this.transcript, events: this.events, toolCalls: this.toolCalls }));
    }, FLUSH_MS);
    this.#timer.unref?.();
  }

  #write(op: () => Promise<void>): Promise<void> {
    this.#writes = this.#writes.then(op).catch((error: unknown) => this.log(`call ${this.id}: could not save the call log: ${error instanceof Error ? error.message : String(error)}`));
    return this.#writes;
  }
}
