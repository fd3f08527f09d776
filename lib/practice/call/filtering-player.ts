import type { AudioOutput, PlayerEvent } from '@/lib/realtime/audio/audio-player';

/**
 * Wraps the page's audio player so that audio of a dropped response (a reply cancelled
 * to make way for an escalation) is never played, even chunks that arrive late.
 */
export class FilteringPlayer implements AudioOutput {
  readonly #inner: AudioOutput;
  readonly #dropped = new Set<string>();
  #current: string | undefined;

  constructor(inner: AudioOutput) {
    this.#inner = inner;
  }

  drop(responseId: string): void {
    this.#dropped.add(responseId);
    if (this.#current === responseId) this.#inner.flush();
  }

  unlock(): void {
    this.#inner.unlock();
  }

  enqueue(pcm: ArrayBuffer, responseId?: string): void {
    if (responseId !== undefined && this.#dropped.has(responseId)) return;
    this.#current = responseId;
    this.#inner.enqueue(pcm, responseId);
  }

  flush(): number {
    return this.#inner.flush();
  }

  get isPlaying(): boolean {
    return this.#inner.isPlaying;
  }

  get playedMs(): number {
    return this.#inner.playedMs;
  }

  on(event: PlayerEvent, listener: () => void): () => void {
    return this.#inner.on(event, listener);
  }

  close(): void {
    this.#inner.close();
  }
}
