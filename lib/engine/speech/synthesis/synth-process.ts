import { spawn } from 'node:child_process';
import { readFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Pcm, parseWav } from './pcm';
import { espeakVoice, fliteVoice, type VoiceGender } from './voices';

/**
 * One piece of text spoken by a synthesiser process. flite cannot write a WAV to
 * a socket stdout (Node's spawn gives it one), so it writes a temp file that is
 * read and removed; espeak-ng reads the text on stdin and writes the WAV to stdout.
 * The text never passes through a shell.
 */
export type SynthEngine = 'flite' | 'espeak-ng';
export type SynthRequest = { text: string; gender: VoiceGender; speed: number };

class SynthError extends Error {
  constructor(
    readonly code: 'synthesis_unavailable' | 'synthesis_failed',
    message: string,
  ) {
    super(message);
  }
}

let tempCounter = 0;
const FLITE_STRETCH = 1.1;

function run(cmd: string, args: string[], signal: AbortSignal, stdin?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new SynthError('synthesis_unavailable', `${cmd} is not installed`));
      else if (e.name === 'AbortError') reject(signal.reason instanceof Error ? signal.reason : e);
      else reject(new SynthError('synthesis_failed', `${cmd} failed to start: ${e.message}`));
    });
    child.on('close', (code, sig) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const detail = Buffer.concat(err).toString('utf8').trim().slice(0, 200);
      reject(new SynthError('synthesis_failed', `${cmd} exited with ${code ?? sig}${detail ? `: ${detail}` : ''}`));
    });
    if (stdin !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(stdin);
    }
  });
}

async function flite(req: SynthRequest, signal: AbortSignal): Promise<Pcm> {
  const file = join(tmpdir(), `cue-tts-${process.pid}-${++tempCounter}.wav`);
  try {
    // flite's own pace is a little brisk for a spoken hint: 10% slower, about 150 words a minute like the tone.
    const stretch = (FLITE_STRETCH / Math.max(0.25, req.speed)).toFixed(3);
    await run('flite', ['-voice', fliteVoice(req.gender), '--setf', `duration_stretch=${stretch}`, '-t', req.text, '-o', file], signal);
    return parseWav(await readFile(file));
  } finally {
    await unlink(file).catch(() => undefined);
  }
}

async function espeak(req: SynthRequest, signal: AbortSignal): Promise<Pcm> {
  const wpm = String(Math.round(175 * req.speed));
  return parseWav(await run('espeak-ng', ['-v', espeakVoice(req.gender), '-s', wpm, '--stdout', '--stdin'], signal, req.text));
}

/** Speak `req.text` with `engine`; rejects with a SynthError (or the abort reason). */
export function synthesize(engine: SynthEngine, req: SynthRequest, signal: AbortSignal): Promise<Pcm> {
  return engine === 'flite' ? flite(req, signal) : espeak(req, signal);
}
