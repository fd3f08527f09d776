import type { z } from 'zod';
import { normalizeWords } from '@/lib/live/hints/normalize';
import { indexOfWords } from '@/lib/live/hints/phrase-index';

/**
 * The rules also run when some fields failed their own checks (so an import
 * lists every problem at once), hence the input is read defensively.
 */
type Loose = Record<string, unknown>;

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

type Phrase = { words: string[]; key: string; path: (string | number)[]; n: number };

function compile(texts: readonly unknown[], path: (i: number) => (string | number)[]): Phrase[] {
  const out: Phrase[] = [];
  texts.forEach((text, i) => {
    if (typeof text !== 'string') return;
    const words = normalizeWords(text);
    if (words.length > 0) out.push({ words, key: words.join(' '), path: path(i), n: i + 1 });
  });
  return out;
}

function flagDuplicates(list: Phrase[], label: string, ctx: z.RefinementCtx): void {
  const first = new Map<string, Phrase>();
  for (const p of list) {
    const earlier = first.get(p.key);
    if (earlier) ctx.addIssue({ code: 'custom', path: p.path, message: `Duplicate of ${label} ${earlier.n} ("${p.key}")` });
    else first.set(p.key, p);
  }
}

/**
 * Always run, even when other fields failed (`when` in schema.ts), so one
 * pass lists every problem. Rules that look at several fields at once. Phrases are compared after
 * normalisation (case, punctuation, contractions...), the way the matcher
 * sees them. Messages are written for the person editing the form and name
 * the other row (1-based) so the fix is obvious.
 */
export function checkCrossFieldRules(input: unknown, ctx: z.RefinementCtx): void {
  if (!input || typeof input !== 'object') return;
  const value = input as Loose;
  const triggers = compile(
    list(value.triggers).map((t) => (t && typeof t === 'object' ? (t as Loose).phrase : undefined)),
    (i) => ['triggers', i, 'phrase'],
  );
  const dnt = compile(list(value.doNotTrigger), (i) => ['doNotTrigger', i]);
  const interrupts = compile(list(value.interruptPhrases), (i) => ['interruptPhrases', i]);

  flagDuplicates(triggers, 'trigger', ctx);
  flagDuplicates(dnt, 'do-not-trigger phrase', ctx);
  flagDuplicates(interrupts, 'interrupt phrase', ctx);

  // A phrase cannot both start and stop a hint.
  const interruptByKey = new Map(interrupts.map((p) => [p.key, p]));
  const flaggedTrigger = new Set<string>();
  for (const t of triggers) {
    const clash = interruptByKey.get(t.key);
    if (!clash || flaggedTrigger.has(t.key)) continue;
    flaggedTrigger.add(t.key);
    ctx.addIssue({ code: 'custom', path: t.path, message: `Also interrupt phrase ${clash.n}: a phrase cannot both start and stop a hint` });
    ctx.addIssue({ code: 'custom', path: clash.path, message: `Also trigger ${t.n}: a phrase cannot both start and stop a hint` });
  }

  // A trigger that contains another trigger (other than as its ending) never fires:
  // the shorter one completes first and an utterance fires at most once.
  for (const long of triggers) {
    for (const short of triggers) {
      if (short === long || short.words.length >= long.words.length) continue;
      const at = indexOfWords(long.words, short.words);
      if (at >= 0 && at + short.words.length < long.words.length) {
        ctx.addIssue({ code: 'custom', path: long.path, message: `Never fires: trigger ${short.n} ("${short.key}") completes first` });
        break;
      }
    }
  }

  // Do-not-trigger phrases only act on a trigger phrase inside them.
  for (const d of dnt) {
    const same = triggers.find((t) => t.key === d.key);
    if (same) {
      ctx.addIssue({ code: 'custom', path: d.path, message: `Same as trigger ${same.n}: it would block that trigger completely; remove one of them` });
    } else if (!triggers.some((t) => indexOfWords(d.words, t.words) >= 0)) {
      ctx.addIssue({ code: 'custom', path: d.path, message: 'Contains no trigger phrase, so it can never block one' });
    }
  }

  const { quickSeconds, fullSeconds } = value;
  if (typeof quickSeconds === 'number' && typeof fullSeconds === 'number' && quickSeconds > fullSeconds) {
    ctx.addIssue({
      code: 'custom',
      path: ['quickSeconds'],
      message: `A quick hint cannot be longer than full guidance (${fullSeconds} s)`,
    });
  }
}
