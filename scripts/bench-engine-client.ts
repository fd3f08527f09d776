/**
 * Simulated meeting clients for `scripts/bench-engine.ts`: raw `ws` sockets that behave
 * like the app's hint assistant does on the wire, without a browser.
 *  - mic: a 20 ms PCM16 24 kHz append every 20 ms in real time (low noise: no VAD turn);
 *  - hints: one out-of-band `response.create` (`conversation: 'none'`, a one-line input)
 *    a second per session, each session on its own phase.
 * It records, per session, when each `response.create` left and its `response.created`
 * arrived, and when each output audio delta arrived (by response), for the report.
 */
import WebSocket from 'ws';

export const FRAME_MS = 20;
const FRAME_SAMPLES = (24_000 * FRAME_MS) / 1000;
const HINT_EVERY_MS = 1000;

/** A few 20 ms frames of quiet noise (about -60 dBFS: far below the VAD threshold). */
export const NOISE_FRAMES: string[] = Array.from({ length: 8 }, (_, f) => {
  const buf = Buffer.alloc(FRAME_SAMPLES * 2);
  let seed = 12345 + f * 7919;
  for (let i = 0; i < FRAME_SAMPLES; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    buf.writeInt16LE(((seed >> 8) % 61) - 30, i * 2);
  }
  return buf.toString('base64');
});

const HINT_REQUEST = {
  conversation: 'none',
  input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Can we move the launch to May?' }] }],
  instructions: 'Give one quick hint: the single most useful thing to say next. Speak for at most 2 seconds.',
  output_modalities: ['audio'],
};

export type SessionRecord = {
  /** response.create send -> response.created receive, ms, for requests sent inside the window. */
  createdLatencies: number[];
  /** Per response: arrival times (ms, performance.now) of its audio deltas. */
  audio: Map<string, number[]>;
  errors: Map<string, number>;
  sent: number;
  done: number;
};

function headOf(text: string): { type: string; responseId: string | null } | null {
  // Events start {"type":"…","event_id":"…", and audio deltas then "response_id":"…": read
  // those without parsing a 6 kB payload.
  const t = text.indexOf('"type":"');
  if (t < 0 || t > 4) return null;
  const tEnd = text.indexOf('"', t + 8);
  const type = text.slice(t + 8, tEnd);
  if (type !== 'response.output_audio.delta') return { type, responseId: null };
  const r = text.indexOf('"response_id":"', tEnd);
  if (r < 0 || r > 200) return null;
  return { type, responseId: text.slice(r + 15, text.indexOf('"', r + 15)) };
}

export class SimSession {
  readonly record: SessionRecord = { createdLatencies: [], audio: new Map(), errors: new Map(), sent: 0, done: 0 };
  #ws: WebSocket | null = null;
  #startedAt = 0;
  #framesSent = 0;
  #nextHintAt = 0;
  #pending: { eventId: string; sentAt: number; counted: boolean }[] = [];
  #counter = 0;
  #window: { from: number; to: number } = { from: Infinity, to: Infinity };
  #open = false;
  closed: Promise<void> = Promise.resolve();

  constructor(
    readonly index: number,
    private readonly phaseMs: number,
  ) {}

  /** Resolves 'ok' once session.created arrived, or the HTTP status / error that refused it. */
  connect(url: string, token: string): Promise<'ok' | string> {
    return new Promise((resolve) => {
      const ws = new WebSocket(url, ['realtime', `openai-insecure-api-key.${token}`], { skipUTF8Validation: true, perMessageDeflate: false });
      this.#ws = ws;
      this.closed = new Promise((r) => ws.once('close', () => r()));
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          let code = '';
          try {
            code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '';
          } catch {
            code = body.slice(0, 40);
          }
          resolve(`HTTP ${res.statusCode} ${code}`.trim());
        });
      });
      ws.on('error', (e) => resolve(`error ${e.message}`));
      ws.on('message', (data) => {
        const text = String(data);
        const head = headOf(text);
        if (head?.type === 'session.created' && !this.#open) {
          this.#open = true;
          this.#startedAt = performance.now();
          this.#nextHintAt = this.#startedAt + this.phaseMs;
          ws.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', create_response: false, interrupt_response: false } } } } }));
          resolve('ok');
          return;
        }
        this.#onEvent(head, text);
      });
    });
  }

  get open(): boolean {
    return this.#open && this.#ws?.readyState === WebSocket.OPEN;
  }

  /** Only events caused by requests sent inside [from, to) count. */
  setWindow(from: number, to: number): void {
    this.#window = { from, to };
  }

  /** Called every few ms by one shared ticker: send the mic frames and the hint that are due. */
  tick(now: number): void {
    if (!this.open || !this.#ws) return;
    const due = Math.floor((now - this.#startedAt) / FRAME_MS);
    for (; this.#framesSent < due; this.#framesSent++) {
      this.#ws.send(`{"type":"input_audio_buffer.append","audio":"${NOISE_FRAMES[(this.#framesSent + this.index) % NOISE_FRAMES.length]}"}`);
    }
    if (now >= this.#nextHintAt) {
      this.#nextHintAt += HINT_EVERY_MS;
      const eventId = `evt_b${this.index}_${++this.#counter}`;
      const counted = now >= this.#window.from && now < this.#window.to;
      if (counted) this.record.sent++;
      this.#pending.push({ eventId, sentAt: performance.now(), counted });
      this.#ws.send(JSON.stringify({ type: 'response.create', event_id: eventId, response: HINT_REQUEST }));
    }
  }

  #onEvent(head: { type: string; responseId: string | null } | null, text: string): void {
    const now = performance.now();
    if (head?.type === 'response.output_audio.delta' && head.responseId) {
      this.record.audio.get(head.responseId)?.push(now);
      return;
    }
    const type = head?.type;
    if (type === 'response.created') {
      const req = this.#pending.shift();
      const id = (JSON.parse(text) as { response: { id: string } }).response.id;
      if (req?.counted) {
        this.record.createdLatencies.push(now - req.sentAt);
        this.record.audio.set(id, []);
      }
    } else if (type === 'response.done') {
      this.record.done++;
    } else if (type === 'error') {
      const error = (JSON.parse(text) as { error: { code: string; event_id: string | null } }).error;
      const at = this.#pending.findIndex((p) => p.eventId === error.event_id);
      const req = at >= 0 ? this.#pending.splice(at, 1)[0] : undefined;
      if (req?.counted || !error.event_id) this.record.errors.set(error.code, (this.record.errors.get(error.code) ?? 0) + 1);
    }
  }

  close(): Promise<void> {
    this.#open = false;
    if (this.#ws && this.#ws.readyState === WebSocket.OPEN) this.#ws.close(1000);
    else this.#ws?.terminate();
    return this.closed;
  }
}

/**
 * Late audio chunks of one response: delta k is due at `first + k * slotMs` after the
 * response's first delta, and is late when it arrives more than `slotMs` (one chunk) after.
 * With `slotMs` = the chunk's duration (100 ms) this is "later than its real-time play
 * position" (a player starting at the first chunk would run dry); with `slotMs` = the
 * engine's pacing interval (100 ms / pace) it is "later than the engine meant to send it".
 */
export function lateChunks(arrivals: readonly number[], slotMs: number): number {
  const first = arrivals[0];
  if (first === undefined) return 0;
  return arrivals.filter((t, k) => t - (first + k * slotMs) > slotMs).length;
}
