import type WebSocket from 'ws';
import { MEDIA_STREAM_EVENTS, mediaStreamMessageSchema, type MediaStreamMessage, type StartMessage } from './media-stream-messages';

/**
 * Stands between a /call socket (Twilio, or the phone simulator) and the SDK's Twilio transport,
 * which listens on it like a WebSocket. Every inbound frame is checked first: binary frames,
 * unparseable or unknown messages, a wrong `streamSid`, malformed base64, media before `start`
 * and anything after `stop` are logged and dropped (the call goes on), so the transport only
 * ever sees what Twilio itself would send. `stop` ends the call (the transport only watches
 * `close`). Outbound frames go straight to the socket; their count and the time each took
 * from the engine's message (see the transport's `engineMessageAt`) are kept for the log and
 * the bench.
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

export class MediaStreamGate {
  #state: 'waiting' | 'started' | 'stopped' = 'waiting';
  #streamSid: string | null = null;
  #messageListeners = new Set<Listener>();
  #closeListeners = new Set<Plain>();
  #errorListeners = new Set<(error: unknown) => void>();
  readonly stats = { inboundMedia: 0, outboundMedia: 0, marksSent: 0, clears: 0, badInputs: 0 };
  /** Added latency per outbound media frame (ms, engine message -> socket write), when measured. */
  readonly outboundLatencyMs: number[] = [];
  /** Time to hand each inbound media frame on (validation + the transport's send to the model), ms. */
  readonly inboundLatencyMs: number[] = [];
  engineMessageAt: (() => number | null) | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly hooks: GateHooks,
  ) {
    ws.on('message', (data, isBinary) => this.#receive(data, isBinary));
    ws.on('close', () => {
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
      const from = this.engineMessageAt?.() ?? null;
      if (from !== null && this.outboundLatencyMs.length < 100_000) this.outboundLatencyMs.push(performance.now() - from);
    } else if (kind === 'mark') this.stats.marksSent += 1;
    else if (kind === 'clear') this.stats.clears += 1;
    this.ws.send(data);
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
      this.#streamSid = msg.start.streamSid;
      this.#forward(text);
      this.hooks.onStart(msg);
      return;
    }
    if (this.#state === 'waiting') return this.#bad(`${msg.event} before start`);
    if (msg.streamSid !== this.#streamSid) return this.#bad(`${msg.event} for another streamSid`);
    switch (msg.event) {
      case 'media': {
        this.stats.inboundMedia += 1;
        const started = performance.now();
        this.#forward(text);
        if (this.inboundLatencyMs.length < 100_000) this.inboundLatencyMs.push(performance.now() - started);
        return;
      }
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

  #forward(text: string): void {
    const event = { data: text };
    for (const l of this.#messageListeners) l(event);
  }
}
