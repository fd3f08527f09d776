import type { HintSettings } from '@/lib/live/settings/schema';
import { compilePhrases, phrasesEndingAt, type PhraseIndex } from './phrase-index';
import { SpelledText } from './spelled-text';
import { UtteranceRegistry } from './utterance-registry';
import { WordStream } from './word-stream';

export type InterruptMatcherSettings = Pick<HintSettings, 'interruptPhrases'>;

type InterruptHit = { phrase: string; itemId: string; at: number };
type InterruptResult = { interrupt: InterruptHit } | null;

export type InterruptMatcher = {
  /** A hint started playing: interrupt phrases completed from now on stop it. */
  arm(): void;
  /** The hint ended (done, cancelled or interrupted by a button). */
  disarm(): void;
  readonly armed: boolean;
  feedDelta(itemId: string, delta: string, now: number): InterruptResult;
  feedCompleted(itemId: string, transcript: string, now: number): InterruptResult;
  dropUtterance(itemId: string): void;
  updateSettings(settings: InterruptMatcherSettings): void;
  /** A new call. */
  reset(): void;
};

type Utterance = {
  stream: WordStream;
  /** What the deltas spelled, to match a revised completed transcript again. */
  spelled: SpelledText;
  /** Only phrases ending at or after this word index count (words heard before arm() do not). */
  armedFrom: number;
  /** Next word index whose endings have not been scanned for good. */
  scanFrom: number;
};

/**
 * Interrupt phrases ("got it", "thanks", "okay stop") heard while a hint
 * plays. Words are tracked all the time (bounded window, same incremental
 * machinery as the trigger matcher) so that arming in the middle of an
 * utterance counts only what is said after the hint started; a phrase that
 * completes after arm() interrupts at once, then the matcher disarms itself
 * (one interrupt per hint). No cooldown: stopping must always work.
 * Caveat: an utterance that streamed no deltas and completes while armed is
 * scanned whole, as its timing is unknown; a completed transcript that differs
 * from its deltas (revised by a recogniser) is scanned from the word index at
 * which the matcher armed.
 */
export function createInterruptMatcher(initial: InterruptMatcherSettings): InterruptMatcher {
  let index: PhraseIndex<null> = compile(initial);
  let windowSize = 2 * Math.max(index.maxWords, 1) + 4;
  let armed = false;
  const utterances = new UtteranceRegistry<Utterance>(() => ({
    stream: new WordStream(windowSize),
    spelled: new SpelledText(),
    armedFrom: 0,
    scanFrom: 0,
  }));

  function compile(settings: InterruptMatcherSettings): PhraseIndex<null> {
    return compilePhrases(settings.interruptPhrases.map((phrase) => ({ phrase, data: null })));
  }

  function scan(itemId: string, u: Utterance, now: number): InterruptResult {
    const total = u.stream.totalCount;
    let hit: InterruptResult = null;
    if (armed) {
      for (let end = Math.max(u.scanFrom, u.armedFrom); end < total && !hit; end++) {
        const [phrase] = phrasesEndingAt(index, u.stream, end);
        if (phrase) hit = { interrupt: { phrase: phrase.display, itemId, at: now } };
      }
    }
    u.scanFrom = u.stream.completeCount;
    u.stream.compact();
    if (hit) armed = false;
    return hit;
  }

  return {
    arm() {
      if (armed) return;
      armed = true;
      for (const u of utterances.values()) {
        u.armedFrom = u.stream.totalCount;
        u.scanFrom = Math.max(u.scanFrom, u.armedFrom);
      }
    },
    disarm() {
      armed = false;
    },
    get armed() {
      return armed;
    },
    feedDelta(itemId, delta, now) {
      const u = utterances.acquire(itemId);
      if (!u) return null;
      u.spelled.push(delta);
      u.stream.push(delta);
      return scan(itemId, u, now);
    },
    feedCompleted(itemId, transcript, now) {
      const u = utterances.acquire(itemId);
      if (!u) return null;
      if (u.stream.totalCount === 0) u.stream.push(transcript);
      u.stream.end();
      let result = scan(itemId, u, now);
      if (!result && armed && u.spelled.any && u.spelled.differs(transcript)) {
        // Revised after the deltas: match the completed text, counting words from about where arming happened.
        const revised: Utterance = { stream: new WordStream(windowSize), spelled: u.spelled, armedFrom: u.armedFrom, scanFrom: u.armedFrom };
        revised.stream.push(transcript);
        revised.stream.end();
        result = scan(itemId, revised, now);
      }
      utterances.finish(itemId);
      return result;
    },
    dropUtterance(itemId) {
      utterances.finish(itemId);
    },
    updateSettings(settings) {
      index = compile(settings);
      windowSize = 2 * Math.max(index.maxWords, 1) + 4;
      for (const u of utterances.values()) u.stream.setCapacity(windowSize);
    },
    reset() {
      armed = false;
      utterances.clear();
    },
  };
}
