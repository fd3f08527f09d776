import { describe, expect, it } from 'vitest';
import { AudioPlayer, pcm16ToFloat32 } from './audio-player';

class FakeSource {
  buffer: { duration: number; getChannelData: () => Float32Array } | null = null;
  startedAt: number | null = null;
  stopped = false;
  onended: (() => void) | null = null;
  connect() {}
  disconnect() {}
  start(t: number) {
    this.startedAt = t;
  }
  stop() {
    this.stopped = true;
  }
}

class FakeContext {
  currentTime = 0;
  state: AudioContextState = 'running';
  destination = {};
  sources: FakeSource[] = [];
  createGain() {
    return { connect() {} };
  }
  createBuffer(_channels: number, length: number, rate: number) {
    const data = new Float32Array(length);
    return { duration: length / rate, getChannelData: () => data };
  }
  createBufferSource() {
    const s = new FakeSource();
    this.sources.push(s);
    return s;
  }
  resume() {
    return Promise.resolve();
  }
  close() {
    this.state = 'closed';
    return Promise.resolve();
  }
}

/** `ms` of PCM16 at 24 kHz. */
const pcm = (ms: number, value = 0) => {
  const samples = new Int16Array((24_000 * ms) / 1000).fill(value);
  return samples.buffer;
};

function setup() {
  const ctx = new FakeContext();
  const player = new AudioPlayer({ createContext: () => ctx as unknown as AudioContext, leadSeconds: 0.05 });
  const events: string[] = [];
  player.on('started', () => events.push('started'));
  player.on('stopped', () => events.push('stopped'));
  player.unlock();
  return { ctx, player, events };
}

describe('pcm16ToFloat32', () => {
  it('decodes little-endian PCM16 to [-1, 1)', () => {
    const bytes = new Uint8Array(new Int16Array([0, 16384, -32768, 32767]).buffer);
    expect(Array.from(pcm16ToFloat32(bytes))).toEqual([0, 0.5, -1, 32767 / 32768]);
  });
});

describe('AudioPlayer', () => {
  it('schedules chunks back to back after a short lead, without gaps', () => {
    const { ctx, player } = setup();
    player.enqueue(pcm(100), 'r1');
    player.enqueue(pcm(200), 'r1');
    ctx.currentTime = 0.02;
    player.enqueue(pcm(100), 'r1');
    expect(ctx.sources.map((s) => s.startedAt)).toEqual([0.05, 0.15000000000000002, 0.35000000000000003]);
    expect(ctx.sources[0]?.buffer?.getChannelData().length).toBe(2400);
  });

  it('emits started once and stopped when the last chunk ends', () => {
    const { ctx, player, events } = setup();
    player.enqueue(pcm(100), 'r1');
    player.enqueue(pcm(100), 'r1');
    expect(events).toEqual(['started']);
    expect(player.isPlaying).toBe(true);
    ctx.sources[0]?.onended?.();
    expect(events).toEqual(['started']);
    ctx.sources[1]?.onended?.();
    expect(events).toEqual(['started', 'stopped']);
    expect(player.isPlaying).toBe(false);
  });

  it('counts the ms of the current response actually played', () => {
    const { ctx, player } = setup();
    player.enqueue(pcm(100), 'r1'); // 0.05..0.15
    player.enqueue(pcm(100), 'r1'); // 0.15..0.25
    ctx.currentTime = 0.03;
    expect(player.playedMs).toBe(0);
    ctx.currentTime = 0.1;
    expect(player.playedMs).toBe(50);
    ctx.currentTime = 0.2;
    ctx.sources[0]?.onended?.();
    expect(player.playedMs).toBe(150);
  });

  it('flush stops every scheduled source, returns the heard ms and drops late chunks of that response', () => {
    const { ctx, player, events } = setup();
    player.enqueue(pcm(100), 'r1');
    player.enqueue(pcm(100), 'r1');
    ctx.currentTime = 0.12;
    expect(player.flush()).toBe(70);
    expect(ctx.sources.every((s) => s.stopped)).toBe(true);
    expect(events).toEqual(['started', 'stopped']);
    expect(player.playedMs).toBe(70);
    player.enqueue(pcm(100), 'r1');
    expect(ctx.sources).toHaveLength(2);
    expect(player.isPlaying).toBe(false);
    player.enqueue(pcm(100), 'r2');
    expect(ctx.sources).toHaveLength(3);
    expect(ctx.sources[2]?.startedAt).toBeCloseTo(0.17, 10);
    expect(player.isPlaying).toBe(true);
  });

  it('carries an odd trailing byte into the next chunk', () => {
    const { ctx, player } = setup();
    const bytes = new Uint8Array(new Int16Array([100, 200, 300]).buffer);
    player.enqueue(bytes.slice(0, 3).buffer, 'r1');
    player.enqueue(bytes.slice(3).buffer, 'r1');
    const decoded = ctx.sources.map((s) => Array.from(s.buffer!.getChannelData()).map((v) => Math.round(v * 32768)));
    expect(decoded).toEqual([[100], [200, 300]]);
  });
});
