import { Worker } from 'node:worker_threads';
import { RECOGNIZER_RATE } from './resample';

/**
 * The main-thread side of one pocketsphinx decoder living in a worker thread
 * (recognizer-worker.mjs): created lazily on first use (loading the model
 * takes ~250-450 ms, off the event loop), fed 16 kHz audio in ~100 ms chunks,
 * freed on close. A worker that fails or dies marks the recogniser failed:
 * pending and later utterances resolve null (the caller falls back), never throw.
 */
export type RecognizerStats = { audioMs: number; computeMs: number; initMs: number | null; utterances: number };

export interface Recognizer {
  /** Load the model now (in the background), so the first utterance does not wait for it. */
  prepare(): void;
  /** Start an utterance; `onPartial` gets each partial hypothesis of it. */
  begin(onPartial: (text: string) => void): void;
  /** 16 kHz PCM16 for the open utterance (ignored when none is open). */
  audio(pcm: Int16Array): void;
  /** End the open utterance: its final text, or null when recognition failed or timed out. */
  end(): Promise<string | null>;
  /** Drop the open utterance (buffer cleared). */
  abort(): void;
  close(): void;
  readonly failed: boolean;
  stats(): RecognizerStats;
}

export type RecognizerOptions = {
  modelDir: string;
  extraArgs?: string[];
  finalTimeoutMs?: number;
  log?: (line: string) => void;
  /** Called once when the recogniser is closed or failed (frees its slot). */
  onRelease?: () => void;
};
export type RecognizerFactory = () => Recognizer;

const CHUNK_SAMPLES = RECOGNIZER_RATE / 10;
const WORKER_URL = new URL('./recognizer-worker.mjs', import.meta.url);

type Pending = {
  onPartial: (text: string) => void;
  resolve: ((text: string | null) => void) | null;
  timer: NodeJS.Timeout | null;
  seq: number;
  /** Audio chunks posted before this utterance's end: the worker is caught up once it has decoded them. */
  audioUpTo: number;
};
/** How long a final hypothesis may take once the worker has decoded the utterance's audio (the end pass is up to ~1.3 s on a loaded machine). */
const FINAL_TIMEOUT_MS = 8000;
type WorkerMessage =
  | { type: 'ready'; initMs: number }
  | { type: 'partial'; text: string; computeMs: number }
  | { type: 'decoded'; computeMs: number }
  | { type: 'final'; seq: number; text: string; computeMs: number }
  | { type: 'failed'; code: string; message: string };

export class PocketsphinxRecognizer implements Recognizer {
  #worker: Worker | null = null;
  #failed = false;
  #closed = false;
  /** Utterances the worker has not finished, oldest first; the last may still be open. */
  readonly #queue: Pending[] = [];
  #open: Pending | null = null;
  #chunk = new Int16Array(CHUNK_SAMPLES);
  #chunkLength = 0;
  #seq = 0;
  #audioPosted = 0;
  #audioDecoded = 0;
  readonly #stats: RecognizerStats = { audioMs: 0, computeMs: 0, initMs: null, utterances: 0 };

  constructor(private readonly opts: RecognizerOptions) {}

  get failed(): boolean {
    return this.#failed;
  }

  stats(): RecognizerStats {
    return { ...this.#stats };
  }

  prepare(): void {
    if (!this.#failed && !this.#closed) this.#ensureWorker();
  }

  begin(onPartial: (text: string) => void): void {
    if (this.#open) this.abort();
    if (this.#failed || this.#closed) return;
    const pending: Pending = { onPartial, resolve: null, timer: null, seq: 0, audioUpTo: 0 };
    this.#open = pending;
    this.#queue.push(pending);
    this.#post({ type: 'begin' });
  }

  audio(pcm: Int16Array): void {
    if (!this.#open || this.#failed) return;
    this.#stats.audioMs += (pcm.length * 1000) / RECOGNIZER_RATE;
    for (let at = 0; at < pcm.length; ) {
      const n = Math.min(CHUNK_SAMPLES - this.#chunkLength, pcm.length - at);
      this.#chunk.set(pcm.subarray(at, at + n), this.#chunkLength);
      this.#chunkLength += n;
      at += n;
      if (this.#chunkLength === CHUNK_SAMPLES) this.#flush();
    }
  }

  end(): Promise<string | null> {
    const pending = this.#open;
    if (!pending || this.#failed) return Promise.resolve(null);
    this.#flush();
    this.#open = null;
    this.#stats.utterances += 1;
    pending.seq = ++this.#seq;
    pending.audioUpTo = this.#audioPosted;
    return new Promise((resolve) => {
      pending.resolve = resolve;
      this.#armTimeout(pending);
      this.#post({ type: 'end', seq: pending.seq });
    });
  }

  abort(): void {
    const pending = this.#open;
    if (!pending) return;
    this.#open = null;
    this.#chunkLength = 0;
    pending.onPartial = () => undefined;
    pending.resolve = () => undefined;
    this.#post({ type: 'end', seq: ++this.#seq });
  }

  close(): void {
    if (this.#closed) return;
    if (!this.#failed) this.opts.onRelease?.();
    this.#closed = true;
    this.#open = null;
    for (const p of this.#queue.splice(0)) this.#settle(p, null);
    const worker = this.#worker;
    if (!worker) return;
    worker.postMessage({ type: 'close' });
    setTimeout(() => void worker.terminate(), 2000).unref();
  }

  /** The clock for a final starts once the worker decoded the utterance's audio: loading and a backlog are not the decoder being stuck. */
  #armTimeout(pending: Pending): void {
    if (pending.timer || !pending.resolve || this.#stats.initMs === null || this.#audioDecoded < pending.audioUpTo) return;
    pending.timer = setTimeout(() => this.#settle(pending, null, 'timed out waiting for the final hypothesis'), this.opts.finalTimeoutMs ?? FINAL_TIMEOUT_MS);
  }

  #flush(): void {
    if (this.#chunkLength === 0) return;
    const pcm = this.#chunk.slice(0, this.#chunkLength);
    this.#chunkLength = 0;
    this.#audioPosted += 1;
    this.#post({ type: 'audio', pcm }, [pcm.buffer]);
  }

  #post(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): void {
    if (this.#failed || this.#closed) return;
    this.#ensureWorker()?.postMessage(message, transfer);
  }

  #ensureWorker(): Worker | null {
    if (this.#worker) return this.#worker;
    try {
      const worker = new Worker(WORKER_URL, { workerData: { modelDir: this.opts.modelDir, extraArgs: this.opts.extraArgs ?? [] } });
      worker.unref();
      worker.on('message', (m: WorkerMessage) => this.#onMessage(m));
      worker.on('error', (error) => this.#fail(`worker error: ${error.message}`));
      worker.on('exit', (code) => {
        if (!this.#closed) this.#fail(`worker exited (code ${code})`);
      });
      this.#worker = worker;
      return worker;
    } catch (error) {
      this.#fail(`could not start the worker: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  #onMessage(m: WorkerMessage): void {
    if (m.type === 'ready') {
      this.#stats.initMs = m.initMs;
      for (const p of this.#queue) if (p.seq > 0) this.#armTimeout(p);
    } else if (m.type === 'decoded') {
      this.#audioDecoded += 1;
      this.#stats.computeMs += m.computeMs;
      for (const p of this.#queue) if (p.seq > 0) this.#armTimeout(p);
    }
    else if (m.type === 'failed') this.#fail(`${m.code}: ${m.message}`);
    else if (m.type === 'partial') {
      this.#audioDecoded += 1;
      this.#stats.computeMs += m.computeMs;
      this.#queue[0]?.onPartial(m.text);
      for (const p of this.#queue) if (p.seq > 0) this.#armTimeout(p);
    } else {
      this.#stats.computeMs += m.computeMs;
      const head = this.#queue[0];
      if (head) this.#settle(head, m.text);
    }
  }

  #settle(pending: Pending, text: string | null, why?: string): void {
    const at = this.#queue.indexOf(pending);
    if (at >= 0 && text !== null) this.#queue.splice(at, 1);
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = null;
    if (why) this.opts.log?.(`speech recognition ${why}`);
    const resolve = pending.resolve;
    pending.resolve = null;
    pending.onPartial = () => undefined;
    resolve?.(text);
  }

  #fail(why: string): void {
    if (this.#failed || this.#closed) return;
    this.#failed = true;
    this.opts.onRelease?.();
    this.opts.log?.(`speech recognition unavailable for this session (${why}); transcripts fall back to placeholders`);
    this.#open = null;
    for (const p of this.#queue.splice(0)) this.#settle(p, null);
    void this.#worker?.terminate();
  }
}
