import type WebSocket from 'ws';
import { checkMediaMessage, MEDIA_STREAM_EVENTS, mediaStreamMessageSchema, type MediaMessage, type MediaStreamMessage, type StartMessage } from './media-stream-messages';

/**
 * Stands between a /call socket (Twilio, or the phone simulator) and the SDK's Twilio transport,
 * which listens on it like a WebSocket. Every inbound frame is checked first: binary frames,
 * unparseable or unknown messages, a wrong `streamSid`, malformed base64, media before `start`
 * and anything after `stop` are logged and dropped (the call goes on), so the transport only
 * ever sees what Twilio itself would send. `stop` ends the call (the transport only watches
 * `close`). Outbound frames go straight to the socket; their count and the time each took
 * from the engine's message (see the transport's `engineMessageAt`) are kept for the log and
 * the bench.
 *
 * Two things keep a loaded gateway real time (scripts/bench-phone.ts, 200 calls on 2 cores):
 * - Inbound media goes on to the model in appends of `inputBatchMs` of audio
 *   (CUE_PHONE_INPUT_BATCH_MS): contiguous frames are joined, in order, and sent once the batch
 *   is full and the socket read it filled in is handled, when `inputBatchMs` has passed since its
 *   first frame (a timer: audio that stops is never held), before any other message, and at the
 *   socket's close. Appends are the gateway's largest cost (a socket write each, and a read at
 *   the model), so 40 ms batches do half the writes of 20 ms frames, for at most one frame's
 *   wait. Frames read together (a process that fell behind reads many at once) all join, up to
 *   1 s, so catching up costs less per frame, not more. With 0, every frame goes on once the
 *   read it came in is handled.
 * - An outbound media frame and the mark the transport sends after it are written to the socket
 *   together (the socket is corked until the current turn ends): one write, not two.
 */
export type GateHooks = {
  onStart(start: StartMessage): void;
  onStop(reason: 'stop' | 'socket_closed'): void;
  onMark?(name: string): void;
  onDtmf?(digit: string): void;
  onBadInput(reason: string): void;
};

type Listener = (event: { data: string }) => void;
type Plain = () => void;

const MAX_LOGGED_BAD_INPUTS = 20;
/** At most this much caller audio in one joined append (1 s of 8 kHz mu-law). */
const MAX_JOINED_BYTES = 8000;
const MULAW_BYTES_PER_MS = 8;
const MAX_SAMPLES = 100_000;

/** Media frames received in this turn of the event loop, waiting to go on as one. */
type PendingMedia = { first: MediaMessage; text: string; chunks: Buffer[]; bytes: number; frames: number; nextTimestamp: number | null; firstSample: number; timer: NodeJS.Timeout | null; readAt: number[]; tick: boolean };

/** The socket under a `ws` WebSocket (not in its typings), for corking writes. */
type Corkable = { cork(): void; uncork(): void };
function socketOf(ws: WebSocket): Corkable | null {
  const socket = (ws as unknown as { _socket?: Partial<Corkable> })._socket;
  return socket && typeof socket.cork === 'function' && typeof socket.uncork === 'function' ? (socket as Corkable) : null;
}

export class MediaStreamGate {
  #state: 'waiting' | 'started' | 'stopped' = 'waiting';
  #streamSid: string | null = null;
  #messageListeners = new Set<Listener>();
  #closeListeners = new Set<Plain>();
  #errorListeners = new Set<(error: unknown) => void>();
  readonly stats = { inboundMedia: 0, outboundMedia: 0, marksSent: 0, clears: 0, badInputs: 0 };
  /** Added latency per outbound media frame (ms, engine message -> socket write), when measured. */
  readonly outboundLatencyMs: number[] = [];
  /** The gateway's work per inbound media frame (checking it, and its share of the append to the model), ms. */
  readonly inboundLatencyMs: number[] = [];
  /**
   * How far behind real time each inbound frame was handled, ms: when it was read, against when
   * its `timestamp` says it was spoken (counted from the read of `start`). Includes the caller's
   * and the network's delay and any queueing in this process.
   */
  readonly inboundLagMs: number[] = [];
  /** How long each inbound frame waited for its batch to go (see `inputBatchMs`), ms. */
  readonly inboundHeldMs: number[] = [];
  engineMessageAt: (() => number | null) | null = null;
  #pending: PendingMedia | null = null;
  #startedAt = 0;
  #corked: Corkable | null = null;

  readonly #batchBytes: number;
  readonly #batchMs: number;

  constructor(
    private readonly ws: WebSocket,
    options: { inputBatchMs: number },
    private readonly hooks: GateHooks,
  ) {
    this.#batchMs = Math.max(0, options.inputBatchMs);
    this.#batchBytes = Math.min(MAX_JOINED_BYTES, this.#batchMs * MULAW_BYTES_PER_MS);
    ws.on('message', (data, isBinary) => this.#receive(data, isBinary));
    ws.on('close', () => {
      this.#flushMedia();
      const wasOpen = this.#state !== 'stopped';
      this.#state = 'stopped';
      for (const l of this.#closeListeners) l();
      if (wasOpen) hooks.onStop('socket_closed');
    });
    ws.on('error', (error) => {
      for (const l of this.#errorListeners) l(error);
    });
  }

  get streamSid(): string | null {
    return this.#streamSid;
  }

  get stopped(): boolean {
    return this.#state === 'stopped';
  }

  /** The transport's WebSocket surface. */
  addEventListener(type: 'message' | 'close' | 'error', listener: Listener | Plain | ((error: unknown) => void)): void {
    if (type === 'message') this.#messageListeners.add(listener as Listener);
    else if (type === 'close') this.#closeListeners.add(listener as Plain);
    else this.#errorListeners.add(listener as (error: unknown) => void);
  }

  removeEventListener(type: 'message' | 'close' | 'error', listener: unknown): void {
    this.#messageListeners.delete(listener as Listener);
    this.#closeListeners.delete(listener as Plain);
    this.#errorListeners.delete(listener as (error: unknown) => void);
  }

  send(data: string): void {
    if (this.#state === 'stopped' || this.ws.readyState !== this.ws.OPEN) return;
    const kind = data.startsWith('{"event":"media"') ? 'media' : data.startsWith('{"event":"mark"') ? 'mark' : data.startsWith('{"event":"clear"') ? 'clear' : 'other';
    if (kind === 'media') {
      this.stats.outboundMedia += 1;
      this.#cork();
      const from = this.engineMessageAt?.() ?? null;
      if (from !== null && this.outboundLatencyMs.length < MAX_SAMPLES) this.outboundLatencyMs.push(performance.now() - from);
    } else if (kind === 'mark') this.stats.marksSent += 1;
    else if (kind === 'clear') this.stats.clears += 1;
    this.ws.send(data);
  }

  /** Hold this turn's writes to the socket and write them at once when it ends. */
  #cork(): void {
    if (this.#corked) return;
    const socket = socketOf(this.ws);
    if (!socket) return;
    socket.cork();
    this.#corked = socket;
    process.nextTick(() => {
      this.#corked = null;
      socket.uncork();
    });
  }

  /** End the stream from our side (stop, hang-up, transfer): the socket closes, Twilio moves on. */
  close(code = 1000, reason = 'call ended'): void {
    this.#state = 'stopped';
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  #bad(reason: string): void {
    this.stats.badInputs += 1;
    if (this.stats.badInputs <= MAX_LOGGED_BAD_INPUTS) this.hooks.onBadInput(reason);
  }

  #receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) return this.#bad('binary frame (Media Streams sends text frames only)');
    const text = data.toString();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.#bad('a frame that is not JSON');
    }
    if ((json as { event?: unknown } | null)?.event === 'media') {
      const started = performance.now();
      const checked = checkMediaMessage(json as Record<string, unknown>);
      if (!checked.ok) return this.#bad(checked.reason);
      return this.#media(checked.msg, text, checked.bytes, started);
    }
    this.#flushMedia();
    const parsed = mediaStreamMessageSchema.safeParse(json);
    if (!parsed.success) {
      const event = (json as { event?: unknown } | null)?.event;
      const known = typeof event === 'string' && (MEDIA_STREAM_EVENTS as readonly string[]).includes(event);
      const issue = parsed.error.issues[0];
      return this.#bad(known ? `${event}: ${issue?.path.join('.')} ${issue?.message}` : `unknown event ${JSON.stringify(event ?? null).slice(0, 40)}`);
    }
    this.#route(parsed.data, text);
  }

  #route(msg: MediaStreamMessage, text: string): void {
    if (this.#state === 'stopped') return this.#bad(`${msg.event} after stop`);
    if (msg.event === 'connected') return this.#forward(text);
    if (msg.event === 'start') {
      if (this.#state === 'started') return this.#bad('a second start');
      this.#state = 'started';
      this.#startedAt = performance.now();
      this.#streamSid = msg.start.streamSid;
      this.#forward(text);
      this.hooks.onStart(msg);
      return;
    }
    if (this.#state === 'waiting') return this.#bad(`${msg.event} before start`);
    if (msg.streamSid !== this.#streamSid) return this.#bad(`${msg.event} for another streamSid`);
    switch (msg.event) {
      case 'media':
        return this.#forward(text);
      case 'mark':
        this.#forward(text);
        return this.hooks.onMark?.(msg.mark.name);
      case 'dtmf':
        return this.hooks.onDtmf?.(msg.dtmf.digit);
      case 'stop':
        this.#state = 'stopped';
        return this.hooks.onStop('stop');
    }
  }

  /** A checked media frame: refused like any message in the wrong state, else joined to this turn's frames. */
  #media(msg: MediaMessage, text: string, bytes: Buffer, started: number): void {
    if (this.#state === 'stopped') return this.#bad('media after stop');
    if (this.#state === 'waiting') return this.#bad('media before start');
    if (msg.streamSid !== this.#streamSid) return this.#bad('media for another streamSid');
    this.stats.inboundMedia += 1;
    const timestamp = msg.media.timestamp === undefined ? null : Number(msg.media.timestamp);
    if (timestamp !== null && this.inboundLagMs.length < MAX_SAMPLES) this.inboundLagMs.push(started - (this.#startedAt + timestamp));
    const pending = this.#pending;
    // joined only when it continues the frames before it (a gap keeps its own timestamp, which the transport pads)
    const continues = pending !== null && pending.bytes + bytes.length <= MAX_JOINED_BYTES && (timestamp === null ? pending.nextTimestamp === null : pending.nextTimestamp === timestamp);
    if (pending && continues) {
      pending.chunks.push(bytes);
      pending.bytes += bytes.length;
      pending.frames += 1;
      pending.readAt.push(started);
      if (pending.nextTimestamp !== null && timestamp !== null) pending.nextTimestamp = timestamp + bytes.length / MULAW_BYTES_PER_MS;
    } else {
      this.#flushMedia();
      const next: PendingMedia = { first: msg, text, chunks: [bytes], bytes: bytes.length, frames: 1, nextTimestamp: timestamp === null ? null : timestamp + bytes.length / MULAW_BYTES_PER_MS, firstSample: this.inboundLatencyMs.length, timer: null, readAt: [started], tick: false };
      this.#pending = next;
    }
    this.#recordWork(performance.now() - started);
    this.#schedule(this.#pending as PendingMedia);
  }

  /** A full batch goes once this read is handled (more frames of the read may join); a partial one by its timer. */
  #schedule(pending: PendingMedia): void {
    if (pending.tick) return;
    if (this.#batchMs === 0 || pending.bytes >= this.#batchBytes) {
      pending.tick = true;
      process.nextTick(() => this.#pending === pending && this.#flushMedia());
    } else if (!pending.timer) {
      pending.timer = setTimeout(() => this.#pending === pending && this.#flushMedia(), this.#batchMs);
      pending.timer.unref?.();
    }
  }

  /** This turn's media frames to the transport: one frame as it came, several as one message. */
  #flushMedia(): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    if (pending.timer) clearTimeout(pending.timer);
    const started = performance.now();
    if (this.inboundHeldMs.length < MAX_SAMPLES) for (const at of pending.readAt) this.inboundHeldMs.push(started - at);
    if (pending.frames === 1) this.#forward(pending.text);
    else {
      const { first } = pending;
      const media = { ...first.media, payload: Buffer.concat(pending.chunks, pending.bytes).toString('base64') };
      this.#forward(JSON.stringify({ event: 'media', sequenceNumber: first.sequenceNumber, streamSid: first.streamSid, media }));
    }
    const share = (performance.now() - started) / pending.frames;
    const samples = this.inboundLatencyMs;
    // the append's cost shared by the frames in it (each frame's own check is already recorded)
    for (let i = pending.firstSample; i < Math.min(samples.length, pending.firstSample + pending.frames); i++) samples[i] = (samples[i] as number) + share;
  }

  #recordWork(ms: number): void {
    if (this.inboundLatencyMs.length < MAX_SAMPLES) this.inboundLatencyMs.push(ms);
  }

  #forward(text: string): void {
    const event = { data: text };
    for (const l of this.#messageListeners) l(event);
  }
}
