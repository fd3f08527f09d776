import { normalizeText } from './normalize';

/** Longest delta text kept per utterance; past it, the completed transcript is always matched again. */
export const MAX_SPELLED_CHARS = 4000;

/**
 * The text an utterance's transcription deltas spelled, so the matchers can
 * tell whether its completed transcript says something else. A speech
 * recogniser revises words after sending them ("okay go" became "okay got it
 * thanks"): a phrase only the completed text holds must still fire, once.
 */
export class SpelledText {
  #text = '';
  #overflow = false;

  get any(): boolean {
    return this.#overflow || this.#text.length > 0;
  }

  push(delta: string): void {
    if (this.#overflow) return;
    if (this.#text.length + delta.length > MAX_SPELLED_CHARS) {
      this.#overflow = true;
      this.#text = '';
      return;
    }
    this.#text += delta;
  }

  /** True when the completed transcript's words are not the words the deltas spelled. */
  differs(transcript: string): boolean {
    return this.#overflow || normalizeText(this.#text) !== normalizeText(transcript);
  }
}
