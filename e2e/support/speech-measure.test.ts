import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesizeSpeech } from '../../lib/engine/audio-synth';
import { parseWav, resample } from '../../lib/engine/speech/synthesis/pcm';
import { measureAudio } from './speech-measure';

const dir = mkdtempSync(join(tmpdir(), 'cue-measure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LINE = 'Quick hint: ask what matters most to them, then confirm the launch date.';

function flite(voice: string): { samples: Int16Array; rate: number } {
  const file = join(dir, `${voice}.wav`);
  execFileSync('flite', ['-voice', voice, '-t', LINE, '-o', file]);
  return parseWav(readFileSync(file));
}

describe('measureAudio', () => {
  it('hears flite speech (female and male, 16 and 24 kHz) as speech', () => {
    for (const voice of ['slt', 'rms']) {
      const pcm = flite(voice);
      expect(measureAudio(pcm.samples, pcm.rate).verdict).toBe('speech');
      expect(measureAudio(resample(pcm, 24_000), 24_000).verdict).toBe('speech');
      expect(measureAudio(resample(pcm, 8_000), 8_000).verdict).toBe('speech');
    }
  });

  it('hears espeak-ng speech as speech', () => {
    const pcm = parseWav(execFileSync('espeak-ng', ['--stdout', LINE]));
    expect(measureAudio(pcm.samples, pcm.rate).verdict).toBe('speech');
  });

  it('hears the old voice-like tone of the same line as a tone', () => {
    const m = measureAudio(synthesizeSpeech(LINE), 24_000);
    expect(m.verdict).toBe('tone');
    expect(m.hissShare).toBeLessThan(0.01);
    expect(m.zcrVariation).toBeLessThan(0.2);
    expect(measureAudio(resample({ samples: synthesizeSpeech(LINE), rate: 24_000 }, 8_000), 8_000).verdict).toBe('tone');
  });

  it('calls silence and a near-empty clip silence', () => {
    expect(measureAudio(new Int16Array(24_000), 24_000).verdict).toBe('silence');
    expect(measureAudio(synthesizeSpeech('ok').subarray(0, 2400), 24_000).verdict).toBe('silence');
  });
});
