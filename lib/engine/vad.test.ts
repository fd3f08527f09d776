import { describe, expect, it } from 'vitest';
import { samplesForMs, synthesizeVoice } from './audio-synth';
import { EnergyVad, rmsThreshold } from './vad';

const silence = (ms: number) => new Int16Array(samplesForMs(ms));
const quiet = (pcm: Int16Array, factor: number) => pcm.map((s) => Math.round(s * factor));

function feed(vad: EnergyVad, pcm: Int16Array, chunkMs = 30) {
  const size = samplesForMs(chunkMs);
  const events = [];
  for (let i = 0; i < pcm.length; i += size) events.push(...vad.push(pcm.subarray(i, i + size)));
  return events;
}

describe('energy VAD', () => {
  const config = { threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500 };

  it('maps the service threshold to an RMS level', () => {
    expect(rmsThreshold(0.5)).toBeCloseTo(0.02);
    expect(rmsThreshold(0)).toBe(0.001);
  });

  it('reports speech start (minus prefix padding) and stop after the silence window', () => {
    const vad = new EnergyVad(config);
    const events = feed(vad, Int16Array.from([...silence(1000), ...synthesizeVoice(1500), ...silence(800)]));
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({ type: 'speech_started', audioStartMs: 700 });
    const stop = events[1];
    expect(stop?.type).toBe('speech_stopped');
    if (stop?.type !== 'speech_stopped') return;
    expect(stop.audioStartMs).toBe(700);
    expect(stop.audioEndMs).toBeGreaterThanOrEqual(2980);
    expect(stop.audioEndMs).toBeLessThanOrEqual(3020);
    expect(stop.speechMs).toBeGreaterThanOrEqual(1440);
    expect(stop.speechMs).toBeLessThanOrEqual(1500);
    expect(vad.clockMs).toBe(3300);
  });

  it('ignores silence, faint noise and clicks shorter than 60 ms', () => {
    const vad = new EnergyVad(config);
    const click = synthesizeVoice(40);
    expect(feed(vad, Int16Array.from([...silence(500), ...quiet(synthesizeVoice(1000), 0.05), ...click, ...silence(800)]))).toEqual([]);
    expect(vad.inSpeech).toBe(false);
  });

  it('hears faint speech once the threshold is lowered', () => {
    const vad = new EnergyVad({ ...config, threshold: 0.05 });
    const events = feed(vad, Int16Array.from([...quiet(synthesizeVoice(1000), 0.05), ...silence(700)]));
    expect(events.map((e) => e.type)).toEqual(['speech_started', 'speech_stopped']);
  });

  it('keeps a pause shorter than the silence window inside one turn, and reset forgets speech', () => {
    const vad = new EnergyVad(config);
    const events = feed(vad, Int16Array.from([...synthesizeVoice(600), ...silence(300), ...synthesizeVoice(600), ...silence(600)]));
    expect(events.map((e) => e.type)).toEqual(['speech_started', 'speech_stopped']);
    feed(vad, synthesizeVoice(300));
    expect(vad.inSpeech).toBe(true);
    vad.reset();
    expect(vad.inSpeech).toBe(false);
    expect(feed(vad, silence(700))).toEqual([]);
  });

  it('finds the same boundaries however the audio is split', () => {
    const pcm = Int16Array.from([...silence(700), ...synthesizeVoice(900), ...silence(700), ...synthesizeVoice(400), ...silence(900)]);
    const whole = new EnergyVad(config).push(pcm);
    expect(whole).toHaveLength(4);
    for (const split of [1, 7, 333, 480, 4800]) {
      const vad = new EnergyVad(config);
      const events = [];
      for (let i = 0; i < pcm.length; i += split) events.push(...vad.push(pcm.subarray(i, i + split)));
      expect(events).toEqual(whole);
      expect(vad.clockMs).toBeCloseTo((pcm.length / 24_000) * 1000);
    }
  });
});
