import type { HintKind } from '@/lib/live/settings/schema';
import { compilePhrases, indexOfWords, phrasesEndingAt, type CompiledPhrase, type PhraseIndex } from './phrase-index';
import { SpelledText } from './spelled-text';
import { UtteranceRegistry } from './utterance-registry';
import {
  BUTTON_DEBOUNCE_MS,
  type TriggerMatcher,
  type TriggerMatcherSettings,
  type TriggerResult,
  type TriggerSource,
} from './trigger-types';
import { WordStream, compareAt } from './word-stream';

export {
  BUTTON_DEBOUNCE_MS,
  
  
  type TriggerMatcher,
  type TriggerMatcherSettings,
  
  type TriggerResult,
  
  
} from './trigger-types';

type Trigger = { action: HintKind };
type Blocker = { dnt: CompiledPhrase<null>; offset: number };
type Occurrence = { trigger: CompiledPhrase<Trigger>; start: number; end: number };
type Utterance = {
  stream: WordStream;
  /** What the deltas spelled, to match a revised completed transcript again. */
  spelled: SpelledText;
  fired: boolean;
  /** Next word index whose phrase endings have not been evaluated for good. */
  scanFrom: number;
  /** Highest end index at which a trigger occurrence was evaluated (tentative words included). */
  lastEvaluatedEnd: number;
  /** A trigger heard while a do-not-trigger phrase containing it may still be completing. */
  pending: Occurrence | null;
};

type Compiled = { triggers: PhraseIndex<Trigger>; blockers: Map<string, Blocker[]>; window: number };

function compile(settings: TriggerMatcherSettings): Compiled {
  const triggers = compilePhrases(settings.triggers.map((t) => ({ phrase: t.phrase, data: { action: t.action } })));
  const dnt = compilePhrases(settings.doNotTrigger.map((phrase) => ({ phrase, data: null })));
  const blockers = new Map<string, Blocker[]>();
  for (const t of triggers.phrases) {
    const list: Blocker[] = [];
    for (const d of dnt.phrases) {
      for (let at = indexOfWords(d.words, t.words); at >= 0; at = indexOfWords(d.words, t.words, at + 1)) {
        list.push({ dnt: d, offset: at });
      }
    }
    if (list.length) blockers.set(t.key, list);
  }
  return { triggers, blockers, window: 2 * Math.max(triggers.maxWords, dnt.maxWords, 1) + 4 };
}

/**
 * Incremental trigger-phrase matcher. See docs at the bottom of this file for
 * the rules (do-not-trigger, cooldown, cap, once per utterance, buttons).
 */
export function createTriggerMatcher(initial: TriggerMatcherSettings): TriggerMatcher {
  let settings = initial;
  let compiled = compile(settings);
  let fired = 0;
  let lastFireAt = Number.NEGATIVE_INFINITY;
  let lastButton: { action: HintKind; at: number } | null = null;
  const fresh = (): Utterance => ({
    stream: new WordStream(compiled.window),
    spelled: new SpelledText(),
    fired: false,
    scanFrom: 0,
    lastEvaluatedEnd: -1,
    pending: null,
  });
  const utterances = new UtteranceRegistry<Utterance>(fresh);

  const capReached = () => settings.perCallCap > 0 && fired >= settings.perCallCap;

  function fire(action: HintKind, phrase: string | null, itemId: string | null, source: TriggerSource, now: number): TriggerResult {
    fired += 1;
    lastFireAt = now;
    return { fired: { action, phrase, itemId, source, at: now, count: fired } };
  }

  /** Cap, then cooldown, then fire. */
  function attempt(u: Utterance, itemId: string, occ: Occurrence, now: number): TriggerResult {
    const base = { action: occ.trigger.data.action, phrase: occ.trigger.display, itemId, source: 'phrase' as const };
    if (capReached()) return { suppressed: { ...base, reason: 'cap_reached' } };
    const wait = lastFireAt + settings.cooldownSeconds * 1000 - now;
    if (wait > 0) return { suppressed: { ...base, reason: 'cooldown', retryInMs: wait } };
    u.fired = true;
    return fire(base.action, base.phrase, itemId, 'phrase', now);
  }

  /** 'blocked' (a do-not-trigger phrase covers it), 'open' (one may still complete) or 'clear'. */
  function blockStatus(u: Utterance, occ: Occurrence): { status: 'blocked'; by: string } | { status: 'open' | 'clear' } {
    let open = false;
    for (const { dnt, offset } of compiled.blockers.get(occ.trigger.key) ?? []) {
      const m = compareAt(u.stream, occ.start - offset, dnt.words);
      if (m === 'match') return { status: 'blocked', by: dnt.display };
      if (m === 'open') open = true;
    }
    return { status: open ? 'open' : 'clear' };
  }

  /** Evaluate an occurrence; returns a result, or undefined to keep scanning. 'pending' stops the scan. */
  function evaluate(u: Utterance, itemId: string, occ: Occurrence, now: number): TriggerResult | undefined | 'pending' {
    const block = blockStatus(u, occ);
    if (block.status === 'open') {
      u.pending = occ;
      return 'pending';
    }
    if (block.status === 'blocked') {
      const { action } = occ.trigger.data;
      return { suppressed: { reason: 'do_not_trigger', action, phrase: occ.trigger.display, itemId, source: 'phrase', blockedBy: block.by } };
    }
    return attempt(u, itemId, occ, now);
  }

  function process(itemId: string, u: Utterance, now: number): TriggerResult {
    const result = scan(itemId, u, now);
    u.stream.compact();
    return result;
  }

  function scan(itemId: string, u: Utterance, now: number): TriggerResult {
    let suppressed: TriggerResult = null;
    if (u.pending) {
      const occ = u.pending;
      const current = compiled.triggers.phrases.find((p) => p.key === occ.trigger.key);
      u.pending = null;
      // Still held by a configured trigger whose words are still there (a tentative word may have changed).
      if (current && compareAt(u.stream, occ.start, current.words) === 'match') {
        const r = evaluate(u, itemId, { ...occ, trigger: current }, now);
        if (r === 'pending') return null;
        if (r && 'fired' in r) return r;
        suppressed = r ?? null;
      }
    }
    const total = u.stream.totalCount;
    for (let end = Math.max(u.scanFrom, u.lastEvaluatedEnd + 1); end < total; end++) {
      for (const trigger of phrasesEndingAt(compiled.triggers, u.stream, end)) {
        u.lastEvaluatedEnd = end;
        const r = evaluate(u, itemId, { trigger, start: end - trigger.words.length + 1, end }, now);
        if (r === 'pending') {
          u.scanFrom = end + 1;
          return suppressed;
        }
        if (r && 'fired' in r) return r;
        suppressed ??= r ?? null;
        // A longer phrase ending here was blocked or held back: shorter ones ending here are the same moment.
        if (r && 'suppressed' in r && r.suppressed.reason !== 'do_not_trigger') break;
      }
    }
    u.scanFrom = u.stream.completeCount;
    return suppressed;
  }

  return {
    feedDelta(itemId, delta, now) {
      const u = utterances.acquire(itemId);
      if (!u || u.fired) return null;
      u.spelled.push(delta);
      u.stream.push(delta);
      return process(itemId, u, now);
    },

    feedCompleted(itemId, transcript, now) {
      const u = utterances.acquire(itemId);
      if (!u) return null;
      let result: TriggerResult = null;
      if (!u.fired) {
        if (u.stream.totalCount === 0) u.stream.push(transcript);
        u.stream.end();
        result = process(itemId, u, now);
        if (!u.fired && u.spelled.any && u.spelled.differs(transcript)) {
          // The recogniser revised words after its deltas: the completed text is matched too (still once per utterance).
          const revised = fresh();
          revised.stream.push(transcript);
          revised.stream.end();
          const again = process(itemId, revised, now);
          if (again && 'fired' in again) result = again;
          else result ??= again;
        }
      }
      utterances.finish(itemId);
      return result;
    },

    manual(action, now) {
      const base = { action, phrase: null, itemId: null, source: 'button' as const };
      if (capReached()) return { suppressed: { ...base, reason: 'cap_reached' } };
      if (lastButton && lastButton.action === action && now - lastButton.at < BUTTON_DEBOUNCE_MS) {
        return { suppressed: { ...base, reason: 'debounce' } };
      }
      lastButton = { action, at: now };
      return fire(action, null, null, 'button', now);
    },

    clearDebounce() {
      lastButton = null;
    },

    dropUtterance(itemId) {
      utterances.finish(itemId);
    },

    updateSettings(next) {
      settings = next;
      compiled = compile(next);
      for (const u of utterances.values()) u.stream.setCapacity(compiled.window);
    },

    reset() {
      fired = 0;
      lastFireAt = Number.NEGATIVE_INFINITY;
      lastButton = null;
      utterances.clear();
    },

    getState(now) {
      const cap = settings.perCallCap > 0 ? settings.perCallCap : null;
      return {
        fired,
        cap,
        remaining: cap === null ? null : Math.max(0, cap - fired),
        cooldownRemainingMs: Math.max(0, lastFireAt + settings.cooldownSeconds * 1000 - now),
      };
    },
  };
}

/*
 * Rules
 * - The completed transcript is matched as well when it differs from what
 *   the deltas spelled (a recogniser revises words between partials), so a
 *   phrase heard only in the final text still fires; one hint per utterance.
 * - A phrase fires on the first delta that spells it out, across delta
 *   boundaries, even while its last word may still grow ("question" ->
 *   "questions"): latency first. Matching is on normalised words.
 * - At most one hint per utterance (transcription item id). Occurrences that
 *   were suppressed do not use up the utterance: a later occurrence in the
 *   same utterance is evaluated on its own.
 * - Several triggers ending on the same word: the longest wins.
 * - Do-not-trigger phrases block the trigger occurrence they contain
 *   ("that's not a good question" never fires "good question"; "good
 *   question" later in the same utterance still can). When the trigger
 *   completes, the words before it are known; if a do-not-trigger phrase
 *   continues PAST the trigger ("good question but"), the trigger is held
 *   until the next words rule it in or out (or the utterance completes), so
 *   the default phrases, which end with their trigger, never add latency.
 * - Order of checks: do-not-trigger, per-call cap (0 = unlimited), cooldown
 *   (measured from the last hint of any source).
 * - Buttons/shortcuts ignore the cooldown (an explicit request always works)
 *   but honour the cap, start the phrase cooldown, and the same button twice
 *   within BUTTON_DEBOUNCE_MS counts once.
 * - Bounded work: each utterance keeps a window of ~2x the longest phrase;
 *   at most 32 live utterances; nothing grows with the meeting.
 */
