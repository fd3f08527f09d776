import type { RealtimeItem } from '@openai/agents-realtime';
import type { ActionResult } from '@/lib/contracts/action-result';
import type { AppendTranscriptItemInput, RecordTurnTagInput } from '@/lib/contracts/practice-actions';
import type { TranscriptItem } from '@/lib/contracts/transcript';
import type { StoredTurnTag, TurnTag } from '@/lib/contracts/turn-tag';
import type { LiveTag } from './call-store';
import { SaveQueue, type SaveStatus } from './save-queue';
import { UtteranceTracker } from './utterance-tracker';

/**
 * Writes a call to the database as it happens: each utterance once its words are final
 * (again if they change, e.g. cut by a barge-in), each turn tag as the persona calls
 * tag_turn. Saves go through one ordered queue with retries.
 */

export type RecorderActions = {
  appendTranscriptItem: (input: AppendTranscriptItemInput) => Promise<ActionResult<unknown>>;
  recordTurnTag: (input: RecordTurnTagInput) => Promise<ActionResult<unknown>>;
};

export class CallRecorder {
  readonly tracker = new UtteranceTracker();
  readonly #queue: SaveQueue;

  constructor(
    private readonly sessionId: string,
    private readonly actions: RecorderActions,
    onStatus: (status: SaveStatus) => void,
    private readonly now: () => number,
  ) {
    this.#queue = new SaveQueue({ onChange: onStatus });
  }

  /** Utterances stored before this page (a resumed call): keep their order, do not save them again. */
  preload(items: readonly TranscriptItem[]): void {
    this.tracker.preload(items);
  }

  /** Save what is ready in this history snapshot; `final` (ending) takes unfinished words too. */
  saveReady(history: readonly RealtimeItem[], { final, hidden }: { final: boolean; hidden: ReadonlySet<string> }): void {
    for (const u of this.tracker.collect(history, this.now(), { final, skip: (id) => hidden.has(id) })) {
      this.#queue.add({
        key: `item:${u.itemId}`,
        label: u.speaker === 'user' ? 'Your words' : 'The client’s words',
        run: () =>
          this.actions.appendTranscriptItem({ sessionId: this.sessionId, itemId: u.itemId, seq: u.seq, speaker: u.speaker, text: u.text, startedAt: u.startedAt, endedAt: u.endedAt }),
      });
    }
  }

  /** A tag_turn call, its arguments already validated (tagTurnParametersSchema): tied to the persona's latest item, queued for saving. */
  recordTag(input: TurnTag, callId: string | null, history: readonly RealtimeItem[], fallbackIndex: number): LiveTag {
    const lastClient = [...history].reverse().find((i) => i.type === 'message' && i.role === 'assistant');
    const id = callId ?? `local-${this.now()}-${fallbackIndex}`;
    const tag: LiveTag = { ...input, next_probe: input.next_probe.slice(0, 500), callId: id, itemId: lastClient?.itemId ?? null, at: this.now() };
    this.#queue.add({
      key: `tag:${id}`,
      label: 'A turn tag',
      run: () =>
        this.actions.recordTurnTag({
          sessionId: this.sessionId,
          callId: id,
          itemId: tag.itemId,
          tag: { objection_type: tag.objection_type, difficulty: tag.difficulty, sentiment: tag.sentiment, next_probe: tag.next_probe },
        }),
    });
    return tag;
  }

  retryFailed(): void {
    this.#queue.retryFailed();
  }

  /** Everything queued is saved (true) or has given up (false). */
  flush(): Promise<boolean> {
    this.#queue.retryFailed();
    return this.#queue.flush();
  }
}

export function toLiveTag(t: StoredTurnTag): LiveTag {
  return { objection_type: t.objection_type, difficulty: t.difficulty, sentiment: t.sentiment, next_probe: t.next_probe, callId: t.callId, itemId: t.itemId, at: t.createdAt.getTime() };
}

/** Saved utterances as history to replay into a new session (spoken turns come back as text). */
export function restorable(items: readonly TranscriptItem[]): RealtimeItem[] {
  return [...items]
    .sort((a, b) => a.seq - b.seq)
    .map((i) =>
      i.speaker === 'user'
        ? { itemId: i.itemId, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: i.text }] }
        : { itemId: i.itemId, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: i.text }] },
    );
}
