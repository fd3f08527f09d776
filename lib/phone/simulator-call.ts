import { base64ToBytes, bytesToBase64, decodeMulaw, encodeMulaw } from './mulaw';

/**
 * The phone simulator's call: the browser speaks Twilio's Media Streams protocol on the app's
 * /call socket, at 8 kHz mu-law, so a user hears exactly what a caller hears. The microphone is
 * captured in an 8 kHz AudioContext and sent as 160-byte (20 ms) frames; the agent's frames are
 * played back to back, marks are echoed when the audio before them has played, and `clear`
 * (barge-in) stops playback at once and echoes the pending marks. Authenticated by a short-lived
 * token from the app (a WebSocket subprotocol), not a Twilio signature.
 */
export type SimulatorStatus = 'idle' | 'connecting' | 'in_call' | 'ended' | 'failed';
export type SimulatorStats = { heardMs: number; sentFrames: number; clears: number; level: number };

const RATE = 8000;
const FRAME = 160;

export type SimulatorCallOptions = {
  token: string;
  agentId: string;
  onStatus(status: SimulatorStatus, detail?: string): void;
  onStats(stats: SimulatorStats): void;
};

export class SimulatorCall {
  #ws: WebSocket | null = null;
  #ctx: AudioContext | null = null;
  #mic: MediaStream | null = null;
  #processor: ScriptProcessorNode | null = null;
  #playhead = 0;
  #sources = new Set<AudioBufferSourceNode>();
  #marks = new Set<{ name: string; timer: number }>();
  #pending: number[] = [];
  #seq = 0;
  #chunk = 0;
  readonly streamSid = `MZsim${Math.random().toString(16).slice(2, 14)}`;
  readonly stats: SimulatorStats = { heardMs: 0, sentFrames: 0, clears: 0, level: 0 };
  #ended = false;

  constructor(private readonly opts: SimulatorCallOptions) {}

  async start(): Promise<void> {
    this.opts.onStatus('connecting');
    try {
      this.#ctx = new AudioContext({ sampleRate: RATE });
      await this.#ctx.resume();
      this.#mic = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 } });
    } catch (error) {
      this.#fail(error instanceof DOMException && error.name === 'NotAllowedError' ? 'The microphone is blocked: allow it for this site and call again.' : 'This browser cannot open the microphone at 8 kHz.');
      return;
    }
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/call`;
    const ws = new WebSocket(url, [`cue-phone-sim.${this.opts.token}`]);
    this.#ws = ws;
    ws.onopen = () => {
      this.#send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
      this.#send({
        event: 'start',
        sequenceNumber: String(++this.#seq),
        streamSid: this.streamSid,
        start: { streamSid: this.streamSid, tracks: ['inbound'], customParameters: { agentId: this.opts.agentId }, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: RATE, channels: 1 } },
      });
      this.#startMic();
      this.opts.onStatus('in_call');
    };
    ws.onmessage = (e) => this.#onMessage(String(e.data));
    ws.onclose = (e) => {
      if (this.#ended) return;
      if (e.code === 1000) this.#finish(e.reason === 'agent_ended' ? 'The agent hung up.' : e.reason === 'transferred' ? 'The agent transferred you (simulated).' : 'The call ended.');
      else this.#fail(e.code === 1006 ? 'The phone line refused or dropped the call. Try again.' : `The call ended unexpectedly (${e.code}).`);
    };
  }

  /** A keypad press, sent as Twilio sends one (`dtmf` on the inbound track): the agent hears it as a key, not audio. */
  press(digit: string): void {
    if (this.#ended || !/^[0-9*#]$/.test(digit)) return;
    this.#send({ event: 'dtmf', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  hangUp(): void {
    if (this.#ended) return;
    this.#send({ event: 'stop', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, stop: {} });
    this.#finish('You hung up.');
  }

  #send(msg: Record<string, unknown>): void {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(msg));
  }

  #startMic(): void {
    const ctx = this.#ctx;
    if (!ctx || !this.#mic) return;
    const source = ctx.createMediaStreamSource(this.#mic);
    // ScriptProcessor: 256 samples (32 ms) at 8 kHz; cut into 160-sample frames for the wire.
    const processor = ctx.createScriptProcessor(256, 1, 1);
    processor.onaudioprocess = (e) => {
      const input = e.inputBuffer.getChannelData(0);
      for (const s of input) this.#pending.push(s);
      while (this.#pending.length >= FRAME) {
        const frame = Float32Array.from(this.#pending.splice(0, FRAME));
        this.#send({
          event: 'media',
          sequenceNumber: String(++this.#seq),
          streamSid: this.streamSid,
          media: { track: 'inbound', chunk: String(++this.#chunk), timestamp: String((this.#chunk - 1) * 20), payload: bytesToBase64(encodeMulaw(frame)) },
        });
        this.stats.sentFrames += 1;
      }
    };
    source.connect(processor);
    processor.connect(ctx.destination);
    this.#processor = processor;
  }

  #onMessage(text: string): void {
    const msg = JSON.parse(text) as { event: string; media?: { payload: string }; mark?: { name: string } };
    const ctx = this.#ctx;
    if (!ctx) return;
    if (msg.event === 'media' && msg.media) {
      const samples = decodeMulaw(base64ToBytes(msg.media.payload));
      const buffer = ctx.createBuffer(1, samples.length, RATE);
      buffer.copyToChannel(samples, 0);
      const node = ctx.createBufferSource();
      node.buffer = buffer;
      node.connect(ctx.destination);
      this.#playhead = Math.max(this.#playhead, ctx.currentTime + 0.05);
      node.start(this.#playhead);
      this.#playhead += buffer.duration;
      this.#sources.add(node);
      node.onended = () => this.#sources.delete(node);
      this.stats.heardMs += buffer.duration * 1000;
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s));
      this.stats.level = peak;
      this.opts.onStats({ ...this.stats });
    } else if (msg.event === 'mark' && msg.mark) {
      const name = msg.mark.name;
      const entry = { name, timer: 0 };
      entry.timer = window.setTimeout(() => {
        this.#marks.delete(entry);
        this.#send({ event: 'mark', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, mark: { name } });
      }, Math.max(0, (this.#playhead - ctx.currentTime) * 1000));
      this.#marks.add(entry);
    } else if (msg.event === 'clear') {
      for (const node of this.#sources) node.stop();
      this.#sources.clear();
      this.#playhead = ctx.currentTime;
      for (const m of this.#marks) {
        clearTimeout(m.timer);
        this.#send({ event: 'mark', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, mark: { name: m.name } });
      }
      this.#marks.clear();
      this.stats.clears += 1;
      this.opts.onStats({ ...this.stats });
    }
  }

  #teardown(): void {
    this.#ended = true;
    this.#processor?.disconnect();
    for (const t of this.#mic?.getTracks() ?? []) t.stop();
    for (const m of this.#marks) clearTimeout(m.timer);
    if (this.#ws && this.#ws.readyState <= WebSocket.OPEN) this.#ws.close(1000, 'hung up');
    const ctx = this.#ctx;
    // let the last words play before the context closes
    window.setTimeout(() => void ctx?.close().catch(() => undefined), Math.max(0, ((ctx?.currentTime ?? 0) < this.#playhead ? this.#playhead - (ctx?.currentTime ?? 0) : 0) * 1000));
  }

  #finish(detail: string): void {
    this.#teardown();
    this.opts.onStatus('ended', detail);
  }

  #fail(detail: string): void {
    this.#teardown();
    this.opts.onStatus('failed', detail);
  }
}
