import { recognitionModel } from './availability';
import { PocketsphinxRecognizer, type Recognizer, type RecognizerFactory } from './recognizer';

/**
 * The engine's recogniser factory: 'auto' uses pocketsphinx when its model is
 * installed (else null: placeholder transcripts), null turns recognition
 * off, a factory is used as given (tests). At most `maxRecognizers` decode at
 * once (each holds ~100 MB and a share of a core); a session beyond that gets
 * placeholders, said once in the log.
 */
export type RecognitionOption = 'auto' | null | RecognizerFactory;

/** Concurrent recognisers a 2-core machine keeps in real time with room to spare (see npm run bench:speech). */
const DEFAULT_MAX_RECOGNIZERS = 6;

/** A recogniser that is not there: every utterance falls back. */
function refusedRecognizer(): Recognizer {
  return {
    prepare: () => undefined,
    begin: () => undefined,
    audio: () => undefined,
    end: () => Promise.resolve(null),
    abort: () => undefined,
    close: () => undefined,
    failed: true,
    stats: () => ({ audioMs: 0, computeMs: 0, initMs: null, utterances: 0 }),
  };
}

export function resolveRecognition(option: RecognitionOption | undefined, log: (line: string) => void, maxRecognizers = DEFAULT_MAX_RECOGNIZERS): RecognizerFactory | null {
  if (option === null) return null;
  if (typeof option === 'function') return option;
  const model = recognitionModel();
  if (!model.ok) {
    log(model.message);
    return null;
  }
  let live = 0;
  return () => {
    if (live >= maxRecognizers) {
      log(`speech recognition: ${maxRecognizers} sessions are already being recognised; this one gets placeholder transcripts`);
      return refusedRecognizer();
    }
    live += 1;
    return new PocketsphinxRecognizer({ modelDir: model.modelDir, log, onRelease: () => (live -= 1) });
  };
}
