import { describe, expect, it } from 'vitest';
import type { ItemMeta } from './conversation';
import type { ResponsePlan } from './response-plan';
import { type SpeechFlight, streamSpeech } from './speech-stream';
import type { Synthesizer } from './speech/synthesis/synthesizer';

const plan = { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin', speed: 1 } as ResponsePlan;
const noise = (ms: number) => Int16Array.from({ length: (16_000 * ms) / 1000 }, (_, i) => ((i * 7919) % 2000) - 1000 + (i % 2 ? 3000 : -3000));

/** A synthesiser whose pieces take `delays[i]` ms to make and last 600 ms each. */
function slowSynth(delays: number[]): Synthesizer {
  let call = 0;
  const speak = async () => {
    await new Promise((r) => setTimeout(r, delays[call++] ?? 0));
    return { samples: noise(600), rate: 16_000 };
  };
  return { speak } as unknown as Synthesizer;
}

async function run(synth: Synthesizer, text: string) {
  const frames: Buffer[] = [];
  const said: string[] = [];
  const meta: ItemMeta = {};
  const flight: SpeechFlight = { text, streamedMs: 0, reply: null };
  await streamSpeech(flight, {
    plan,
    meta,
    synthesizer: synth,
    onFallback: () => undefined,
    active: () => true,
    interval: 25,
    say: (w) => said.push(...w),
    sendFrame: (b64) => frames.push(Buffer.from(b64, 'base64')),
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms))),
    unlessStopped: (p) => p,
  });
  return { frames, said, meta, flight };
}

describe('streamSpeech', () => {
  it('streams each piece in 100 ms frames with its words, and keeps the timeline', async () => {
    const { frames, said, meta, flight } = await run(slowSynth([0, 0]), 'Got it, thanks for that.');
    expect(said.join(' ')).toBe('Got it, thanks for that.');
    expect(frames.every((f) => f.length <= 4800)).toBe(true);
    const totalMs = frames.reduce((n, f) => n + f.length / 48, 0);
    expect(flight.streamedMs).toBeCloseTo(totalMs, 5);
    expect(meta.streamedMs).toBeCloseTo(totalMs, 5);
    expect(meta.spoken?.map((s) => [s.wordsBefore, s.words])).toEqual([[0, 2], [2, 3]]);
    expect(meta.spoken?.[1]?.startMs).toBeCloseTo(meta.spoken?.[0]?.endMs ?? -1, 5);
  });

  it('bridges a piece made too late with silence, so the client never runs dry, and the timeline skips the gap', async () => {
    const { frames, meta, flight } = await run(slowSynth([0, 1500]), 'Got it, thanks for that.');
    const silent = frames.filter((f) => f.every((b) => b === 0));
    // The first piece (~0.6 s trimmed) plays out in real time while the second takes 1.5 s to make.
    expect(silent.length).toBeGreaterThanOrEqual(5);
    const [first, second] = meta.spoken ?? [];
    expect((second?.startMs ?? 0) - (first?.endMs ?? 0)).toBeCloseTo(silent.length * 100, 5);
    expect(flight.streamedMs).toBeCloseTo(frames.reduce((n, f) => n + f.length / 48, 0), 5);
  });
});
