import { FAKE_MIC_RATE, writeFakeMicWav } from './fake-audio';

/**
 * A noisy room for Chromium's fake microphone: a hubbub of harmonic "voices" at a drifting
 * pitch, amplitude-modulated at syllable rates, over hiss. It never falls silent for long,
 * so server turn detection never sees a pause; and it is not stationary, so the browser's
 * noise suppression does not remove it. Chromium loops the file.
 */
export function noisyRoomWavPath(seconds = 4, amplitude = 0.6): string {
  const rate = FAKE_MIC_RATE;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  let seed = 12_345;
  const hiss = () => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * 3.7 * t) * Math.sin(2 * Math.PI * 1.3 * t);
    const pitch = 140 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    let voices = 0;
    for (let h = 1; h <= 6; h++) voices += Math.sin(2 * Math.PI * pitch * h * t) / h;
    const v = (voices * 0.4 * envelope + hiss() * 0.15) * amplitude;
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32_767), i * 2);
  }
  return writeFakeMicWav(`noisy-room-${seconds}s-${amplitude}.wav`, data);
}
