import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

type Posted = { type: string; pcm: ArrayBuffer; rms: number };
type Processor = { process(inputs: Float32Array[][]): boolean; port: { posted: Posted[]; onmessage: ((e: { data: unknown }) => void) | null } };

const source = readFileSync(path.resolve(import.meta.dirname, '../../../public/worklets/pcm16-capture.js'), 'utf8');

/** Load the shipped worklet file in a VM with the AudioWorkletGlobalScope bits it uses. */
function load(contextRate: number, processorOptions: Record<string, unknown> = {}): Processor {
  let Ctor: (new (options: unknown) => Processor) | undefined;
  class AudioWorkletProcessor {
    port = {
      posted: [] as Posted[],
      onmessage: null as ((e: { data: unknown }) => void) | null,
      postMessage(msg: Posted) {
        this.posted.push(msg);
      },
    };
  }
  vm.runInNewContext(source, {
    AudioWorkletProcessor,
    sampleRate: contextRate,
    registerProcessor: (name: string, ctor: new (options: unknown) => Processor) => {
      expect(name).toBe('pcm16-capture');
      Ctor = ctor;
    },
    Int16Array,
    Math,
  });
  return new Ctor!({ processorOptions });
}

/** Feed `seconds` of a constant (or generated) mono signal in 128-frame render quanta. */
function feed(p: Processor, rate: number, seconds: number, signal: (i: number) => number = () => 0.5, channels = 1) {
  const total = Math.round(rate * seconds);
  for (let offset = 0; offset < total; offset += 128) {
    const frames = Math.min(128, total - offset);
    const data = Array.from({ length: channels }, () => Float32Array.from({ length: frames }, (_, i) => signal(offset + i)));
    p.process([data]);
  }
}

const samplesOf = (posted: Posted[]) => posted.flatMap((m) => Array.from(new Int16Array(m.pcm)));

describe('pcm16-capture worklet', () => {
  it.each([48_000, 44_100, 24_000, 16_000])('turns %i Hz into 80 ms chunks of 24 kHz PCM16', (rate) => {
    const p = load(rate);
    feed(p, rate, 1);
    const chunks = p.port.posted;
    expect(chunks.length).toBeGreaterThanOrEqual(12);
    expect(chunks.every((c) => c.type === 'chunk' && new Int16Array(c.pcm).length === 1920)).toBe(true);
    // One second in gives 24000 samples out, give or take the partial chunk still buffered.
    expect(chunks.length * 1920).toBeLessThanOrEqual(24_000);
    expect(chunks.length * 1920).toBeGreaterThan(24_000 - 1920);
    expect(samplesOf(chunks).every((s) => s === Math.round(0.5 * 0x7fff))).toBe(true);
  });

  it('reports the RMS level of each chunk', () => {
    const p = load(48_000);
    feed(p, 48_000, 0.2, () => 0.25);
    expect(p.port.posted[0]?.rms).toBeCloseTo(0.25, 5);
    const silent = load(48_000);
    feed(silent, 48_000, 0.2, () => 0);
    expect(silent.port.posted[0]?.rms).toBe(0);
  });

  it('averages channels to mono and clamps out-of-range samples', () => {
    const p = load(24_000);
    p.process([[Float32Array.from({ length: 1920 }, () => 1), Float32Array.from({ length: 1920 }, () => 0)]]);
    expect(samplesOf(p.port.posted)[0]).toBe(Math.round(0.5 * 0x7fff));
    const loud = load(24_000);
    loud.process([[Float32Array.from({ length: 1920 }, () => -3)]]);
    expect(samplesOf(loud.port.posted)[0]).toBe(-32768);
  });

  it('keeps a 1 kHz tone at 1 kHz after 48 kHz -> 24 kHz (zero crossings per second)', () => {
    const p = load(48_000);
    feed(p, 48_000, 1, (i) => Math.sin((2 * Math.PI * 1000 * i) / 48_000) * 0.5);
    const s = samplesOf(p.port.posted);
    let crossings = 0;
    for (let i = 1; i < s.length; i++) if ((s[i - 1]! < 0) !== (s[i]! < 0)) crossings++;
    const perSecond = (crossings / s.length) * 24_000;
    expect(perSecond).toBeGreaterThan(1980);
    expect(perSecond).toBeLessThan(2020);
  });

  it('flushes a partial chunk on request and honours chunkMs', () => {
    const p = load(24_000, { chunkMs: 50 });
    feed(p, 24_000, 0.06);
    expect(p.port.posted.map((c) => new Int16Array(c.pcm).length)).toEqual([1200]);
    p.port.onmessage?.({ data: { type: 'flush' } });
    expect(p.port.posted.map((c) => new Int16Array(c.pcm).length)).toEqual([1200, 240]);
  });

  it('survives a render quantum with no input connected', () => {
    const p = load(48_000);
    expect(p.process([[]])).toBe(true);
    expect(p.process([])).toBe(true);
  });
});
