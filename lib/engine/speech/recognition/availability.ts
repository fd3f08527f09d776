import { existsSync } from 'node:fs';

/**
 * Whether this machine can recognise speech: Debian's pocketsphinx library
 * (libpocketsphinx3) and its US English model (pocketsphinx-en-us). The
 * library itself is opened in the recogniser's worker; a failure there is
 * reported per session and falls back to the placeholder transcript.
 */
export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
const RECOGNITION_INSTALL_HINT = 'apt-get install -y --no-install-recommends libpocketsphinx3 pocketsphinx-en-us';

const MODEL_FILES = ['en-us/mdef', 'en-us/means', 'en-us.lm.bin', 'cmudict-en-us.dict'];

export type RecognitionAvailability = { ok: true; modelDir: string } | { ok: false; code: 'model_missing'; message: string };

export function recognitionModel(modelDir = DEFAULT_MODEL_DIR, exists: (path: string) => boolean = existsSync): RecognitionAvailability {
  const missing = MODEL_FILES.filter((f) => !exists(`${modelDir}/${f}`));
  if (missing.length === 0) return { ok: true, modelDir };
  return { ok: false, code: 'model_missing', message: `No speech recognition model in ${modelDir} (missing ${missing.join(', ')}); install it with: ${RECOGNITION_INSTALL_HINT}` };
}
