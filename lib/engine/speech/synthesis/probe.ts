import { synthesize, type SynthEngine } from './synth-process';

/**
 * Which synthesiser this machine has: a tiny real synthesis with flite (preferred),
 * then espeak-ng. Proves the binary runs and its WAV parses, not just that it exists.
 */
export type SynthesisProbe = { engine: SynthEngine | null; problems: string[] };

const PROBE_TIMEOUT_MS = 5000;

export async function probeSynthesis(engines: readonly SynthEngine[] = ['flite', 'espeak-ng']): Promise<SynthesisProbe> {
  const problems: string[] = [];
  for (const engine of engines) {
    try {
      const pcm = await synthesize(engine, { text: 'ok', gender: 'female', speed: 1 }, AbortSignal.timeout(PROBE_TIMEOUT_MS));
      if (pcm.samples.length > 0) return { engine, problems };
      problems.push(`${engine} produced no audio`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { engine: null, problems };
}
