import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MediaStreamGate } from './media-stream-gate';

/** A socket the gate reads from and writes to, with a cork count like net.Socket's. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  sent: string[] = [];
  corks = 0;
  writes: string[][] = [];
  #held: string[] | null = null;
  readonly _socket = {
    cork: () => {
      this.corks += 1;
      this.#held ??= [];
    },
    uncork: () => {
      if (--this.corks === 0 && this.#held) {
        this.writes.push(this.#held);
        this.#held = null;
      }
    },
  };
  send(data: string): void {
    this.sent.push(data);
    if (this.#held) this.#held.push(data);
    else this.writes.push([data]);
  }
  close(): void {
    this.readyState = 3;
  }
  frame(message: Record<string, unknown>): void {
    this.emit('message', Buffer.from(JSON.stringify(message)), false);
  }
}

const SID = 'MZ1';
const frame = (n: number, byte: number) => ({ event: 'media', sequenceNumber: String(n + 2), streamSid: SID, media: { track: 'inbound', chunk: String(n + 1), timestamp: String(n * 20), payload: Buffer.alloc(160, byte).toString('base64') } });
const start = { event: 'start', sequenceNumber: '1', streamSid: SID, start: { streamSid: SID, callSid: 'CA1', customParameters: {}, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } };

function setUp(inputBatchMs: number) {
  const ws = new FakeSocket();
  const hooks = { onStart: vi.fn(), onStop: vi.fn(), onMark: vi.fn(), onDtmf: vi.fn(), onBadInput: vi.fn() };
  const gate = new MediaStreamGate(ws as unknown as WebSocket, { inputBatchMs }, hooks);
  const forwarded: { event: string; media?: { timestamp?: string; payload: string } }[] = [];
  gate.addEventListener('message', (e: { data: string }) => forwarded.push(JSON.parse(e.data)));
  ws.frame(start);
  forwarded.length = 0;
  const media = () => forwarded.filter((m) => m.event === 'media').map((m) => ({ timestamp: m.media?.timestamp, bytes: [...new Set(Buffer.from(m.media?.payload ?? '', 'base64'))], length: Buffer.from(m.media?.payload ?? '', 'base64').length }));
  return { ws, gate, hooks, forwarded, media };
}

afterEach(() => vi.useRealTimers());

describe('MediaStreamGate inbound batches', () => {
  it('joins contiguous frames read one by one into appends of the batch length, in order, with the first frame\'s timestamp', async () => {
    const { ws, media } = setUp(40);
    for (let n = 0; n < 4; n++) {
      ws.frame(frame(n, n + 1));
      await new Promise((r) => setImmediate(r));
    }
    expect(media()).toEqual([
      { timestamp: '0', bytes: [1, 2], length: 320 },
      { timestamp: '40', bytes: [3, 4], length: 320 },
    ]);
  });

  it('joins every frame of one read (a process catching up), up to 1 s an append', async () => {
    const { ws, media } = setUp(40);
    for (let n = 0; n < 60; n++) ws.frame(frame(n, n < 50 ? 1 : 2));
    await new Promise((r) => setImmediate(r));
    expect(media()).toEqual([
      { timestamp: '0', bytes: [1], length: 8000 },
      { timestamp: '1000', bytes: [2], length: 1600 },
    ]);
  });

  it('sends a batch that does not fill once the window has passed, and before any other message', () => {
    vi.useFakeTimers();
    const { ws, media, forwarded } = setUp(60);
    ws.frame(frame(0, 1));
    expect(media()).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(media()).toEqual([{ timestamp: '0', bytes: [1], length: 160 }]);
    ws.frame(frame(1, 2));
    ws.frame({ event: 'mark', streamSid: SID, mark: { name: 'm1' } });
    expect(forwarded.map((m) => m.event)).toEqual(['media', 'media', 'mark']);
  });

  it('starts a new batch at a gap in the timestamps, so the transport pads the gap', async () => {
    const { ws, media } = setUp(60);
    ws.frame(frame(0, 1));
    ws.frame(frame(5, 2)); // 80 ms missing
    ws.frame(frame(6, 3));
    ws.frame(frame(7, 4));
    await new Promise((r) => setImmediate(r));
    expect(media()).toEqual([
      { timestamp: '0', bytes: [1], length: 160 },
      { timestamp: '100', bytes: [2, 3, 4], length: 480 },
    ]);
  });

  it('with no window, frames read together go as one once the read is handled; a frame alone goes as it came', async () => {
    const { ws, media, forwarded } = setUp(0);
    ws.frame(frame(0, 1));
    ws.frame(frame(1, 2));
    expect(media()).toEqual([]);
    await new Promise((r) => process.nextTick(r));
    expect(media()).toEqual([{ timestamp: '0', bytes: [1, 2], length: 320 }]);
    ws.frame(frame(2, 3));
    await new Promise((r) => process.nextTick(r));
    expect(forwarded.at(-1)).toEqual(frame(2, 3));
  });

  it('sends what it holds when the socket closes, and counts the wait', () => {
    const { ws, gate, media } = setUp(100);
    ws.frame(frame(0, 1));
    ws.emit('close');
    expect(media()).toEqual([{ timestamp: '0', bytes: [1], length: 160 }]);
    expect(gate.inboundHeldMs).toHaveLength(1);
    expect(gate.stats.inboundMedia).toBe(1);
  });

  it('refuses media before start, for another stream and after stop, without holding it', () => {
    const { ws, hooks, media } = setUp(40);
    ws.frame({ ...frame(0, 1), streamSid: 'MZother' });
    ws.frame({ event: 'stop', streamSid: SID });
    ws.frame(frame(1, 1));
    expect(hooks.onBadInput.mock.calls.map((c) => c[0])).toEqual(['media for another streamSid', 'media after stop']);
    expect(media()).toEqual([]);
  });
});

describe('MediaStreamGate outbound', () => {
  it('writes a media frame and the mark after it in one write', async () => {
    const { ws, gate } = setUp(40);
    gate.send(JSON.stringify({ event: 'media', streamSid: SID, media: { payload: 'AAAA' } }));
    gate.send(JSON.stringify({ event: 'mark', streamSid: SID, mark: { name: 'm1' } }));
    await new Promise((r) => process.nextTick(r));
    gate.send(JSON.stringify({ event: 'clear', streamSid: SID }));
    expect(ws.writes.map((w) => w.length)).toEqual([2, 1]);
    expect(gate.stats).toMatchObject({ outboundMedia: 1, marksSent: 1, clears: 1 });
  });
});
