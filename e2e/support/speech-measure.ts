/**
 * Is this audio speech, or the local engine's old voice-like tone? Two robust
 * measures over 20 ms frames of the loud part:
 * - hissShare: the share of loud frames with real energy above ~2 kHz (a frame's
 *   first difference carries half the energy it would for a 2 kHz sine). Consonants (s, t, f, sh) do;
 *   the tone, four harmonics under 700 Hz, never does.
 * - zcrVariation: how much the zero-crossing rate varies between frames (its
 *   coefficient of variation). Speech alternates vowels and consonants; the tone's
 *   rate barely moves.
 * Speech: zcrVariation >= 0.4 (flite sentences measure 0.8-1.8 at 8-24 kHz, the tone
 * 0.12), or >= 0.25 with hissShare >= 3%. Judge a whole reply (a second or more).
 */
type AudioVerdict = 'speech' | 'tone' | 'silence';
export type AudioMeasures = { verdict: AudioVerdict; durationMs: number; loudFrames: number; hissShare: number; zcrVariation: number };

const FRAME_MS = 20;
const LOUD_RMS = 0.01;
/** A frame "hisses" when its first difference carries this share of a 2 kHz sine's (rate-independent). */
const HISS_OF_2KHZ = 0.5;
const MIN_HISS_SHARE = 0.03;
const ZCR_VARIATION = 0.4;
const ZCR_VARIATION_WITH_HISS = 0.25;
const MIN_LOUD_FRAMES = 10;

export function measureAudio(samples: Int16Array, rate: number): AudioMeasures {
  const size = Math.max(1, Math.round((rate * FRAME_MS) / 1000));
  const hissRatio = HISS_OF_2KHZ * (2 * Math.sin((Math.PI * Math.min(2000, rate / 4)) / rate)) ** 2;
  const zcrs: number[] = [];
  let hiss = 0;
  for (let start = 0; start + size <= samples.length; start += size) {
    let energy = 0;
    let diffEnergy = 0;
    let crossings = 0;
    for (let i = start; i < start + size; i++) {
      const v = (samples[i] as number) / 32768;
      energy += v * v;
      if (i > start) {
        const prev = (samples[i - 1] as number) / 32768;
        diffEnergy += (v - prev) * (v - prev);
        if ((v >= 0) !== (prev >= 0)) crossings++;
      }
    }
    if (Math.sqrt(energy / size) < LOUD_RMS) continue;
    zcrs.push(crossings / size);
    if (diffEnergy / energy > hissRatio) hiss++;
  }
  const durationMs = (samples.length * 1000) / rate;
  const loudFrames = zcrs.length;
  if (loudFrames < MIN_LOUD_FRAMES) return { verdict: 'silence', durationMs, loudFrames, hissShare: 0, zcrVariation: 0 };
  const mean = zcrs.reduce((a, b) => a + b, 0) / loudFrames;
  const sd = Math.sqrt(zcrs.reduce((a, b) => a + (b - mean) ** 2, 0) / loudFrames);
  const hissShare = hiss / loudFrames;
  const zcrVariation = mean > 0 ? sd / mean : 0;
  const speech = zcrVariation >= ZCR_VARIATION || (zcrVariation >= ZCR_VARIATION_WITH_HISS && hissShare >= MIN_HISS_SHARE);
  const verdict = speech ? 'speech' : 'tone';
  return { verdict, durationMs, loudFrames, hissShare, zcrVariation };
}
