import { recognitionModel } from './availability';
import { PocketsphinxRecognizer, type RecognizerFactory } from './recognizer';

/**
 * The engine's recogniser factory: 'auto' uses pocketsphinx when its model is
 * installed (else null: placeholder transcripts), null turns recognition
 * off, a factory is used as given (tests).
 */
export type RecognitionOption = 'auto' | null | RecognizerFactory;

export function resolveRecognition(option: RecognitionOption | undefined, log: (line: string) => void): RecognizerFactory | null {
  if (option === null) return null;
  if (typeof option === 'function') return option;
  const model = recognitionModel();
  if (!model.ok) {
    log(model.message);
    return null;
  }
  return () => new PocketsphinxRecognizer({ modelDir: model.modelDir, log });
}
