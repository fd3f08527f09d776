import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { linearToMulaw } from '@/lib/engine/speech/synthesis/output-format';
import { publicUrl, twilioSignature } from '../twilio-signature';

/**
 * A fake Twilio for tests and the bench: POSTs the voice webhook with a valid signature, parses
 * the TwiML (<Stream url> and <Parameter>s), opens the media stream with a signed upgrade and
 * speaks the protocol as Twilio does: `connected`, `start`, 160-byte mu-law `media` every 20 ms
 * (digit-string sequence numbers and timestamps), audio received played out in real time with
 * marks echoed when reached, `clear` dropping queued audio and echoing pending marks, `dtmf` key
 * presses, `stop`.
 */
const FRAME_BYTES = 160;
const FRAME_MS = 20;
const SILENCE = 0xff;

export type TwimlStream = { url: string; parameters: Record<string, string> };

export function parseStreamTwiml(xml: string): TwimlStream {
  const url = /<Stream\s+url="([^"]+)"/.exec(xml)?.[1];
  if (!url) throw new Error(`no <Stream url> in TwiML: ${xml}`);
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const parameters: Record<string, string> = {};
  for (const m of xml.matchAll(/<Parameter\s+name="([^"]*)"\s+value="([^"]*)"\s*\/>/g)) parameters[unescape(m[1] ?? '')] = unescape(m[2] ?? '');
  return { url: unescape(url), parameters };
}

/** 20 ms of silence, base64 (every frame a caller is not speaking). */
const SILENCE_PAYLOAD = Buffer.alloc(FRAME_BYTES, SILENCE).toString('base64');
/** A 220 Hz tone repeats every 8,000 samples, so its frames are these 50, made once (the bench sends thousands a second). */
const TONE_FRAMES = 8000 / FRAME_BYTES;
const tonePayloads: string[] = [];

/** Frame `n` of a loud 220 Hz tone in mu-law, base64: "speech" to the engine's energy VAD. */
function speechPayload(n: number): string {
  const k = n % TONE_FRAMES;
  let payload = tonePayloads[k];
  if (payload === undefined) {
    const out = Buffer.alloc(FRAME_BYTES);
    for (let i = 0; i < FRAME_BYTES; i++) out[i] = linearToMulaw(Math.round(9000 * Math.sin((2 * Math.PI * 220 * (k * FRAME_BYTES + i)) / 8000)));
    payload = tonePayloads[k] = out.toString('base64');
  }
  return payload;
}

export type WebhookResponse = { status: number; body: string };

export async function postVoiceWebhook(opts: { appUrl: string; publicBase: string; authToken: string; params: Record<string, string>; signature?: string | null }): Promise<WebhookResponse> {
  const signature = opts.signature === undefined ? twilioSignature(opts.authToken, publicUrl(opts.publicBase, '/twiml'), opts.params) : opts.signature;
  const res = await fetch(`${opts.appUrl}/twiml`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    body: new URLSearchParams(opts.params).toString(),
  });
  return { status: res.status, body: await res.text() };
}

type Queued = { kind: 'audio'; bytes: Buffer; offset: number; arrivedAt: number } | { kind: 'mark'; name: string };

export type FakeCallStats = {
  mediaReceived: number;
  bytesReceived: number;
  bytesPlayed: number;
  marksReceived: number;
  marksEchoed: number;
  clears: number;
  framesSent: number;
  /** Frames we sent more than 10 ms after their 20 ms slot (the client side's own lateness). */
  framesSentLate: number;
  /** Outbound (agent) frames that arrived after the player ran dry mid-reply. */
  framesLate: number;
};

export class FakeTwilioCall {
  readonly streamSid = `MZ${randomBytes(16).toString('hex')}`;
  readonly callSid = `CA${randomBytes(16).toString('hex')}`;
  readonly accountSid = 'AC00000000000000000000000000000000';
  readonly stats: FakeCallStats = { mediaReceived: 0, bytesReceived: 0, bytesPlayed: 0, marksReceived: 0, marksEchoed: 0, clears: 0, framesSent: 0, framesSentLate: 0, framesLate: 0 };
  readonly received: { event: string; [k: string]: unknown }[] = [];
  /** How late each of the first 2,000 frames was sent after its 20 ms slot, ms (this process's own delay). */
  readonly sendLagMs: number[] = [];
  /** What real Twilio would reject (error 31951): e.g. a frame with the wrong streamSid. */
  readonly protocolErrors: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #queue: Queued[] = [];
  #seq = 0;
  #chunk = 0;
  #startedAt = 0;
  #timer: NodeJS.Timeout | null = null;
  #speakFrames = 0;
  #toneFrame = 0;
  /** A reply is playing: set by audio, cleared by its done mark or a clear. */
  #inReply = false;
  #starved = false;
  #stopped = false;

  private constructor(
    readonly ws: WebSocket,
    readonly stream: TwimlStream,
  ) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data) => this.#onMessage(String(data)));
  }

  /** Open the stream Twilio-style (signed upgrade), send connected + start, begin streaming silence. */
  static async connect(stream: TwimlStream, opts: { authToken: string; signature?: string | null; start?: boolean; protocols?: string[] }): Promise<FakeTwilioCall> {
    const signature = opts.signature === undefined ? twilioSignature(opts.authToken, stream.url) : opts.signature;
    const ws = new WebSocket(stream.url, opts.protocols ?? [], { headers: signature ? { 'x-twilio-signature': signature } : {} });
    const call = new FakeTwilioCall(ws, stream);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
    if (opts.start !== false) call.start();
    return call;
  }

  send(message: Record<string, unknown>): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  start(): void {
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: String(++this.#seq),
      streamSid: this.streamSid,
      start: {
        streamSid: this.streamSid,
        accountSid: this.accountSid,
        callSid: this.callSid,
        tracks: ['inbound'],
        customParameters: this.stream.parameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
    this.#startedAt = Date.now();
    this.#tick();
  }

  /** Speak (a loud tone) for `ms` from the next frame. */
  speak(ms: number): void {
    this.#speakFrames = Math.ceil(ms / FRAME_MS);
  }

  /** A keypad press, as Twilio sends it (`dtmf` on the inbound track). */
  press(digit: string): void {
    this.send({ event: 'dtmf', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  /** Twilio's `stop` (the caller hung up), then the socket closes. */
  hangUp(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.send({ event: 'stop', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, stop: { accountSid: this.accountSid, callSid: this.callSid } });
    this.#halt();
    this.ws.close();
  }

  #halt(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Every 20 ms of call time: play 20 ms of what was received, send 20 ms of "mic". */
  #tick(): void {
    const n = this.#chunk;
    const due = this.#startedAt + n * FRAME_MS;
    const lateBy = Date.now() - due;
    if (lateBy > 10) this.stats.framesSentLate += 1;
    if (this.sendLagMs.length < 2000) this.sendLagMs.push(lateBy);
    this.#play();
    const payload = this.#speakFrames > 0 ? speechPayload(this.#toneFrame++) : SILENCE_PAYLOAD;
    if (this.#speakFrames > 0) this.#speakFrames -= 1;
    this.#chunk += 1;
    this.stats.framesSent += 1;
    // written out rather than JSON.stringify'd: the same text, at a fraction of the cost (50 a second a call)
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(
        `{"event":"media","sequenceNumber":"${++this.#seq}","streamSid":"${this.streamSid}","media":{"track":"inbound","chunk":"${this.#chunk}","timestamp":"${n * FRAME_MS}","payload":"${payload}"}}`,
      );
    }
    if (this.ws.readyState !== WebSocket.OPEN || this.#stopped) return;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, this.#startedAt + this.#chunk * FRAME_MS - Date.now()));
  }

  /** Consume 160 bytes of queued audio; echo marks the playhead reached. */
  #play(): void {
    let want = FRAME_BYTES;
    while (this.#queue.length > 0) {
      const head = this.#queue[0] as Queued;
      if (head.kind === 'mark') {
        this.#queue.shift();
        this.#echo(head.name);
        continue;
      }
      if (want === 0) break;
      const take = Math.min(want, head.bytes.length - head.offset);
      head.offset += take;
      want -= take;
      this.stats.bytesPlayed += take;
      if (head.offset >= head.bytes.length) this.#queue.shift();
    }
    if (want > 0 && this.#inReply) this.#starved = true;
  }

  #echo(name: string): void {
    if (name.startsWith('done:')) this.#inReply = false;
    this.stats.marksEchoed += 1;
    this.send({ event: 'mark', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, mark: { name } });
  }

  #onMessage(text: string): void {
    const msg = JSON.parse(text) as { event: string; streamSid?: string; media?: { payload: string }; mark?: { name: string } };
    this.received.push(msg);
    if (msg.streamSid !== this.streamSid) this.protocolErrors.push(`outbound ${msg.event} with streamSid ${String(msg.streamSid)}`);
    if (msg.event === 'media' && msg.media) {
      const bytes = Buffer.from(msg.media.payload, 'base64');
      this.stats.mediaReceived += 1;
      this.stats.bytesReceived += bytes.length;
      if (this.#starved) this.stats.framesLate += 1;
      this.#starved = false;
      this.#inReply = true;
      this.#queue.push({ kind: 'audio', bytes, offset: 0, arrivedAt: Date.now() });
    } else if (msg.event === 'mark' && msg.mark) {
      this.stats.marksReceived += 1;
      this.#queue.push({ kind: 'mark', name: msg.mark.name });
    } else if (msg.event === 'clear') {
      this.stats.clears += 1;
      const pending = this.#queue.filter((q): q is Extract<Queued, { kind: 'mark' }> => q.kind === 'mark');
      this.#queue = [];
      this.#inReply = false;
      this.#starved = false;
      for (const m of pending) this.#echo(m.name);
    }
  }

  /** Wait until `check` holds (polled every 20 ms). */
  async until(check: (call: FakeTwilioCall) => boolean, timeoutMs = 8000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stats ${JSON.stringify(this.stats)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Nothing queued to play. */
  get idle(): boolean {
    return this.#queue.length === 0;
  }

  /** The agent is speaking: a reply's audio came and its done mark has not been played (or it was cleared). */
  get hearingReply(): boolean {
    return this.#inReply;
  }

  close(): void {
    this.#halt();
    this.ws.close();
  }
}
