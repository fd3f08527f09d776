/**
 * Sentiment of a customer turn from a small lexicon (-1 very negative .. +1 very positive), with
 * negation ("not happy") and intensifiers ("really angry"), and the call's trend: the mean of the
 * last three turns against the three before.
 */

const WORDS: Record<string, number> = {
  angry: -3, furious: -4, ridiculous: -3, unacceptable: -4, terrible: -3, awful: -3, worst: -4, frustrated: -3, frustrating: -3,
  upset: -2, annoyed: -2, disappointed: -2, never: -1, late: -1, lost: -1, missing: -1, broken: -2, damaged: -2, wrong: -2,
  waiting: -1, again: -1, cancel: -1, refund: -1, complaint: -2, useless: -3, problem: -1, issue: -1, bad: -2, sucks: -3, hate: -3,
  thanks: 2, thank: 2, great: 3, perfect: 3, appreciate: 3, helpful: 2, good: 2, happy: 2, wonderful: 3, excellent: 3, awesome: 3,
  fine: 1, okay: 1, ok: 1, sure: 1, pleased: 2, relieved: 2, love: 3, nice: 2, brilliant: 3,
};
const NEGATIONS = new Set(['not', "don't", 'dont', 'no', "isn't", "wasn't", "didn't", 'never', "haven't", "hasn't"]);
const BOOST = new Set(['very', 'really', 'so', 'extremely', 'totally', 'absolutely']);

export function sentimentOf(text: string): number {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  let score = 0;
  let hits = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const base = WORDS[w];
    if (base === undefined) continue;
    let v = base;
    const prev = words[i - 1] ?? '';
    const prev2 = words[i - 2] ?? '';
    if (BOOST.has(prev)) v *= 1.5;
    // "never arrived" is negative on its own; "not happy" flips "happy".
    if (w !== 'never' && (NEGATIONS.has(prev) || (BOOST.has(prev) && NEGATIONS.has(prev2)))) v = -v * 0.8;
    score += v;
    hits++;
  }
  if (text.includes('!') && score < 0) score -= 1;
  if (hits === 0) return 0;
  return Math.max(-1, Math.min(1, Math.round((score / 5) * 100) / 100));
}

export type Trend = 'improving' | 'steady' | 'worsening';

export function sentimentTrend(scores: readonly number[]): Trend {
  if (scores.length < 2) return 'steady';
  const recent = scores.slice(-3);
  const before = scores.slice(-6, -3);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const base = before.length ? mean(before) : (scores[0] ?? 0);
  const delta = mean(recent) - base;
  if (delta > 0.15) return 'improving';
  if (delta < -0.15) return 'worsening';
  return 'steady';
}
