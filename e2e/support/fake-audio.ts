import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Mono PCM16 at 48 kHz, what Chromium's fake microphone plays (it loops the file). */
export const FAKE_MIC_RATE = 48_000;

/** Write `data` (PCM16 samples) as a WAV file under the e2e temp folder; returns its path. */
export function writeFakeMicWav(name: string, data: Buffer): string {
  const dir = path.join(os.tmpdir(), 'cue-e2e');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(FAKE_MIC_RATE, 24);
  header.writeUInt32LE(FAKE_MIC_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
  return file;
}

/**
 * A silent WAV for Chromium's fake microphone (--use-file-for-fake-audio-capture).
 * The default fake device beeps, which the engine's VAD would hear as speech.
 */
export function silentWavPath(seconds = 2): string {
  return writeFakeMicWav(`silence-${seconds}s.wav`, Buffer.alloc(FAKE_MIC_RATE * seconds * 2));
}
