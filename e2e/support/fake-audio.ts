import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A silent WAV for Chromium's fake microphone (--use-file-for-fake-audio-capture).
 * The default fake device beeps, which the engine's VAD would hear as speech.
 */
export function silentWavPath(seconds = 2): string {
  const dir = path.join(os.tmpdir(), 'cue-e2e');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `silence-${seconds}s.wav`);
  const rate = 48_000;
  const samples = rate * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(samples * 2)]));
  return file;
}
