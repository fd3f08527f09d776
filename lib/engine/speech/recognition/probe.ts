import { existsSync } from 'node:fs';

/**
 * Whether this machine can recognise speech offline: Debian's pocketsphinx
 * library loads through koffi (by soname) and its US English model is installed.
 * Only a check; the recogniser itself lives beside this file.
 */
const POCKETSPHINX_LIBRARY = 'libpocketsphinx.so.3';
export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

export type RecognitionProbe = { ok: boolean; problems: string[] };

type Loader = (soname: string) => { unload(): void };

async function koffiLoader(): Promise<Loader> {
  const koffi = (await import('koffi')).default;
  return (soname) => koffi.load(soname);
}

export async function probeRecognition(deps: { load?: Loader; modelDir?: string; exists?: (path: string) => boolean } = {}): Promise<RecognitionProbe> {
  const problems: string[] = [];
  try {
    const load = deps.load ?? (await koffiLoader());
    load(POCKETSPHINX_LIBRARY).unload();
  } catch (error) {
    problems.push(`${POCKETSPHINX_LIBRARY} does not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const modelDir = deps.modelDir ?? POCKETSPHINX_MODEL_DIR;
  if (!(deps.exists ?? existsSync)(modelDir)) problems.push(`no speech model at ${modelDir}`);
  return { ok: problems.length === 0, problems };
}
