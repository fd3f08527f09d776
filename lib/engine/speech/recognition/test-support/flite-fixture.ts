import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Spoken fixtures for tests and the bench: flite's "slt" voice (16 kHz, the
 * voice pocketsphinx understands best here) writes a WAV to a temp file
 * (flite cannot write to a pipe under Node), cached by text.
 */
export const FLITE_RATE = 16_000;

export function fliteAvailable(): boolean {
  try {
    execFileSync('flite', ['-lv'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** PCM16 mono 16 kHz of `text` spoken by flite. */
export function fliteSpeech(text: string): Int16Array {
  const dir = path.join(os.tmpdir(), 'cue-speech-fixtures');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${createHash('sha1').update(text).digest('hex').slice(0, 16)}.wav`);
  if (!existsSync(file)) execFileSync('flite', ['-voice', 'slt', '-t', text, '-o', file], { stdio: 'pipe' });
  return wavSamples(readFileSync(file));
}

/** The PCM16 samples of a mono WAV (finds the data chunk). */
function wavSamples(buf: Buffer): Int16Array {
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'data') {
      const data = buf.subarray(at + 8, at + 8 + size);
      return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length - (data.length % 2)));
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('wavSamples: no data chunk');
}

/** Linear resampling of a whole clip (fixtures only: the engine streams through Resampler). */
export function resampleClip(pcm: Int16Array, from: number, to: number): Int16Array {
  const n = Math.floor((pcm.length * to) / from);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const pos = (i * from) / to;
    const j = Math.floor(pos);
    const a = pcm[j] ?? 0;
    const b = pcm[j + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (pos - j));
  }
  return out;
}

/** `ms` of digital silence at `rate`. */
export function silence(ms: number, rate: number): Int16Array {
  return new Int16Array(Math.round((rate * ms) / 1000));
}

export function concatPcm(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
