/**
 * Microphone capture for the WebSocket transport: MediaStream -> AudioWorklet -> PCM16 mono
 * 24 kHz chunks (~80 ms) plus an RMS level for a meter. Several streams can feed it at once
 * (mic + a shared tab's audio later): Web Audio sums every source connected to the worklet.
 */

const CAPTURE_WORKLET_URL = '/worklets/pcm16-capture.js';
const CAPTURE_SAMPLE_RATE = 24_000;

export type MicErrorCode = 'mic_denied' | 'mic_unavailable';

export class MicError extends Error {
  constructor(
    readonly code: MicErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MicError';
  }
}

/** Classify a getUserMedia / AudioContext failure. */
export function toMicError(error: unknown): MicError {
  if (error instanceof MicError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError' || name === 'SecurityError') return new MicError('mic_denied', message);
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return new MicError('mic_unavailable', 'no microphone found');
  if (name === 'NotReadableError') return new MicError('mic_unavailable', 'the microphone is in use by another app');
  return new MicError('mic_unavailable', message);
}

const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
  channelCount: 1,
};

export async function openMicrophone(
  getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream> = (c) => navigator.mediaDevices.getUserMedia(c),
): Promise<MediaStream> {
  if (typeof navigator !== 'undefined' && !navigator.mediaDevices?.getUserMedia) {
    throw new MicError('mic_unavailable', 'this browser cannot open a microphone here (HTTPS is required)');
  }
  try {
    return await getUserMedia({ audio: MIC_CONSTRAINTS });
  } catch (error) {
    throw toMicError(error);
  }
}

export type AudioCaptureOptions = {
  onChunk: (pcm: ArrayBuffer) => void;
  onLevel?: (rms: number) => void;
  /** A captured track ended (device unplugged, permission revoked). */
  onEnded?: () => void;
  workletUrl?: string;
  chunkMs?: number;
  createContext?: () => AudioContext;
};

type Source = { stream: MediaStream; node: MediaStreamAudioSourceNode; owned: boolean };

export class AudioCapture {
  #opts: AudioCaptureOptions;
  #ctx: AudioContext | null = null;
  #worklet: AudioWorkletNode | null = null;
  #sources: Source[] = [];
  #muted = false;
  #running = false;

  constructor(opts: AudioCaptureOptions) {
    this.#opts = opts;
  }

  get active(): boolean {
    return this.#running;
  }

  /** The first stream (the mic), e.g. for WebRTC's `mediaStream`. */
  get stream(): MediaStream | null {
    return this.#sources[0]?.stream ?? null;
  }

  /** Create the audio context now: call inside the user's click so the browser lets it run. */
  prepare(): void {
    if (!this.#ctx || this.#ctx.state === 'closed') {
      this.#ctx = (this.#opts.createContext ?? (() => new AudioContext({ latencyHint: 'interactive' })))();
    }
    if (this.#ctx.state === 'suspended') void this.#ctx.resume().catch(() => undefined);
  }

  /** Start capturing `stream`, or the microphone when none is given (that stream is then ours to stop). */
  async start(stream?: MediaStream): Promise<void> {
    if (this.#running) return;
    const owned = !stream;
    const input = stream ?? (await openMicrophone());
    try {
      this.prepare();
      const ctx = this.#ctx!;
      await ctx.audioWorklet.addModule(this.#opts.workletUrl ?? CAPTURE_WORKLET_URL);
      const worklet = new AudioWorkletNode(ctx, 'pcm16-capture', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 1,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
        processorOptions: { targetRate: CAPTURE_SAMPLE_RATE, chunkMs: this.#opts.chunkMs ?? 80 },
      });
      worklet.port.onmessage = (event: MessageEvent<{ type?: string; pcm?: ArrayBuffer; rms?: number }>) => {
        const { type, pcm, rms } = event.data ?? {};
        if (type !== 'chunk' || !pcm) return;
        // Muted: keep the stream's clock running with silence so turn detection can close a turn.
        this.#opts.onChunk(this.#muted ? new ArrayBuffer(pcm.byteLength) : pcm);
        this.#opts.onLevel?.(this.#muted ? 0 : (rms ?? 0));
      };
      // The worklet writes no output; connecting it keeps it pulled by the graph in every browser.
      worklet.connect(ctx.destination);
      this.#worklet = worklet;
      this.#running = true;
      this.addStream(input, owned);
    } catch (error) {
      if (owned) input.getTracks().forEach((t) => t.stop());
      this.stop();
      throw toMicError(error);
    }
  }

  /** Mix another stream into the capture (e.g. a shared tab's audio). */
  addStream(stream: MediaStream, owned = false): void {
    const ctx = this.#ctx;
    if (!ctx || !this.#worklet || this.#sources.some((s) => s.stream === stream)) return;
    const node = ctx.createMediaStreamSource(stream);
    node.connect(this.#worklet);
    this.#sources.push({ stream, node, owned });
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', () => {
        if (this.#running && this.#sources[0]?.stream === stream) this.#opts.onEnded?.();
      });
    }
  }

  removeStream(stream: MediaStream): void {
    const index = this.#sources.findIndex((s) => s.stream === stream);
    const source = this.#sources[index];
    if (!source) return;
    this.#sources.splice(index, 1);
    source.node.disconnect();
    if (source.owned) source.stream.getTracks().forEach((t) => t.stop());
  }

  setMuted(muted: boolean): void {
    this.#muted = muted;
  }

  stop(): void {
    this.#running = false;
    for (const source of this.#sources.splice(0)) {
      source.node.disconnect();
      if (source.owned) source.stream.getTracks().forEach((t) => t.stop());
    }
    if (this.#worklet) {
      this.#worklet.port.onmessage = null;
      this.#worklet.disconnect();
      this.#worklet = null;
    }
    const ctx = this.#ctx;
    this.#ctx = null;
    if (ctx && ctx.state !== 'closed') void ctx.close().catch(() => undefined);
  }
}

/** A live but silent audio stream: WebRTC needs an input track even when no mic is available. Stopping its track closes its context. */
export function silentStream(): MediaStream {
  const ctx = new AudioContext();
  const stream = ctx.createMediaStreamDestination().stream;
  for (const track of stream.getAudioTracks()) {
    const stop = track.stop.bind(track);
    track.stop = () => {
      stop();
      if (ctx.state !== 'closed') void ctx.close().catch(() => undefined);
    };
  }
  return stream;
}
