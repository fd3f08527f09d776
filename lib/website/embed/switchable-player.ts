import type { AudioOutput, PlayerEvent } from '@/lib/realtime/audio/audio-player';

/** The assistant's audio, or none: in text mode the replies are read, not heard. */
export class SwitchablePlayer implements AudioOutput {
  silent = false;
  constructor(private readonly inner: AudioOutput) {}
  unlock(): void {
    this.inner.unlock();
  }
  enqueue(pcm: ArrayBuffer, responseId?: string): void {
    if (!this.silent) this.inner.enqueue(pcm, responseId);
  }
  flush(): number {
    return this.inner.flush();
  }
  get isPlaying(): boolean {
    return this.inner.isPlaying;
  }
  get playedMs(): number {
    return this.inner.playedMs;
  }
  on(event: PlayerEvent, listener: () => void): () => void {
    return this.inner.on(event, listener);
  }
  close(): void {
    this.inner.close();
  }
}
