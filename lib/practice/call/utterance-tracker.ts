import type { RealtimeItem } from '@openai/agents-realtime';
import type { Speaker, TranscriptItem } from '@/lib/contracts/transcript';

/**
 * Decides which utterances of a practice call are ready to save and with what times.
 * Fed with the realtime events that carry timing (speech start/stop, the persona's
 * items and audio) and with history snapshots; returns the utterances that are new or
 * changed since they were last handed out. Pure bookkeeping, no I/O.
 *
 * Times: a spoken user turn lasts from speech start for as long as the audio clock says
 * (audio_end_ms - audio_start_ms). A typed turn has no duration (endedAt null), so the
 * metrics fall back to words for the talk ratio and leave the pace unmeasured. A persona
 * turn lasts as long as its audio (PCM16 24 kHz bytes, or the truncation point after a
 * barge-in); without audio events (WebRTC) it ends when the item is done.
 */

export type Utterance = Omit<TranscriptItem, 'startedAt' | 'endedAt'> & { startedAt: Date; endedAt: Date | null };

type Timing = {
  firstSeenAt?: number;
  speechAt?: number;
  audioStartMs?: number;
  audioEndMs?: number;
  stoppedAt?: number;
  addedAt?: number;
  audioMs?: number;
  truncatedMs?: number;
  doneAt?: number;
};

/** Bytes of base64-encoded PCM16 24 kHz mono -> ms. */
export function pcm16Base64Ms(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
  return bytes / 48;
}

export type ItemWords = { speaker: Speaker; text: string; typed: boolean; ready: boolean; status: string };

/** A history item's words and whether they are final enough to save. */
export function itemWords(item: RealtimeItem, final: boolean): ItemWords | null {
  if (item.type !== 'message' || item.role === 'system') return null;
  const parts: string[] = [];
  let typed = false;
  let transcriptPending = false;
  for (const part of item.content) {
    if (part.type === 'input_text' || part.type === 'output_text') {
      typed = true;
      parts.push(part.text);
    } else if (part.type === 'input_audio' || part.type === 'output_audio') {
      if (part.transcript) parts.push(part.transcript);
      else transcriptPending = true;
    }
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  const speaker: Speaker = item.role === 'user' ? 'user' : 'client';
  const status = item.status ?? 'completed';
  const ready =
    text !== '' &&
    (speaker === 'user' ? typed || !transcriptPending || final : status === 'completed' || status === 'incomplete' || final);
  return { speaker, text, typed: typed && speaker === 'user', ready, status };
}

export class UtteranceTracker {
  #seq = new Map<string, number>();
  #nextSeq = 0;
  #timing = new Map<string, Timing>();
  #handedOut = new Map<string, string>();

  #t(itemId: string): Timing {
    let t = this.#timing.get(itemId);
    if (!t) {
      t = {};
      this.#timing.set(itemId, t);
    }
    return t;
  }

  /** Items already stored (e.g. before a reload): keep their order and do not hand them out again. */
  preload(items: readonly Pick<TranscriptItem, 'itemId' | 'seq' | 'text' | 'startedAt'>[]): void {
    for (const item of items) {
      this.#seq.set(item.itemId, item.seq);
      this.#nextSeq = Math.max(this.#nextSeq, item.seq + 1);
      this.#handedOut.set(item.itemId, item.text);
      this.#t(item.itemId).firstSeenAt ??= item.startedAt.getTime();
    }
  }

  speechStarted(itemId: string, at: number, audioStartMs: number | undefined): void {
    const t = this.#t(itemId);
    t.speechAt ??= at;
    if (typeof audioStartMs === 'number') t.audioStartMs ??= audioStartMs;
  }

  speechStopped(itemId: string, at: number, audioEndMs: number | undefined): void {
    const t = this.#t(itemId);
    t.stoppedAt = at;
    if (typeof audioEndMs === 'number') t.audioEndMs = audioEndMs;
  }

  clientItemAdded(itemId: string, at: number): void {
    this.#t(itemId).addedAt ??= at;
  }

  clientAudio(itemId: string, ms: number): void {
    const t = this.#t(itemId);
    t.audioMs = (t.audioMs ?? 0) + ms;
  }

  /** A barge-in cut the persona's item at `audioEndMs` of its audio. */
  clientItemTruncated(itemId: string, audioEndMs: number): void {
    this.#t(itemId).truncatedMs = Math.max(0, audioEndMs);
  }

  clientItemDone(itemId: string, at: number): void {
    this.#t(itemId).doneAt ??= at;
  }

  seqOf(itemId: string): number | undefined {
    return this.#seq.get(itemId);
  }

  /** Utterances ready to save that are new or changed since last handed out; `final` (call ending) takes what is there. */
  collect(history: readonly RealtimeItem[], now: number, { final = false, skip }: { final?: boolean; skip?: (itemId: string) => boolean } = {}): Utterance[] {
    const out: Utterance[] = [];
    for (const item of history) {
      if (item.type !== 'message' || item.role === 'system') continue;
      if (!this.#seq.has(item.itemId)) this.#seq.set(item.itemId, this.#nextSeq++);
      this.#t(item.itemId).firstSeenAt ??= now;
      if (skip?.(item.itemId)) continue;
      const words = itemWords(item, final);
      if (!words?.ready) continue;
      if (this.#handedOut.get(item.itemId) === words.text) continue;
      this.#handedOut.set(item.itemId, words.text);
      out.push({ itemId: item.itemId, seq: this.#seq.get(item.itemId) ?? 0, speaker: words.speaker, text: words.text, ...this.#times(item.itemId, words, now) });
    }
    return out;
  }

  #times(itemId: string, words: ItemWords, now: number): { startedAt: Date; endedAt: Date | null } {
    const t = this.#t(itemId);
    if (words.speaker === 'user') {
      const start = t.speechAt ?? t.firstSeenAt ?? now;
      if (words.typed) return { startedAt: new Date(start), endedAt: null };
      if (typeof t.audioStartMs === 'number' && typeof t.audioEndMs === 'number' && t.audioEndMs >= t.audioStartMs) {
        return { startedAt: new Date(start), endedAt: new Date(start + (t.audioEndMs - t.audioStartMs)) };
      }
      return { startedAt: new Date(start), endedAt: t.stoppedAt !== undefined && t.stoppedAt >= start ? new Date(t.stoppedAt) : null };
    }
    const start = t.addedAt ?? t.firstSeenAt ?? now;
    const audio = t.truncatedMs !== undefined ? Math.min(t.truncatedMs, t.audioMs ?? t.truncatedMs) : t.audioMs;
    if (audio !== undefined && audio > 0) return { startedAt: new Date(start), endedAt: new Date(start + Math.round(audio)) };
    const end = t.doneAt ?? now;
    return { startedAt: new Date(start), endedAt: new Date(Math.max(start, end)) };
  }
}
