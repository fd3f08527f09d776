/**
 * Which words of a streaming recognition are stable enough to send: the
 * recogniser revises its partial hypotheses ("okay go to" -> "okay got it"),
 * so only the words two consecutive partials agree on are emitted, once each,
 * as transcription deltas (" word word", the first without a leading space).
 * Sent words cannot be taken back: when the agreed words later differ from
 * what was sent, the corrected words are sent again from the first difference,
 * with up to CORRECTION_CONTEXT words before it ("that's a good plan" then
 * " that's a good question"), so a phrase matcher on the deltas still sees a
 * phrase of up to four words whole even when only its last word was corrected
 * (sending " question" alone would leave "good plan question"). The completed
 * transcript is the truth for display.
 */
const CORRECTION_CONTEXT = 3;

export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) out.push(a[i] as string);
  return out;
}

export class StablePrefix {
  #previous: string[] = [];
  /** The hypothesis words the deltas sent so far stand for (after corrections). */
  #sent: string[] = [];
  #any = false;

  /** Words of the hypothesis covered by what was sent. */
  get emittedCount(): number {
    return this.#sent.length;
  }

  /** A new partial hypothesis; returns the delta to send, or null. */
  partial(text: string): string | null {
    const current = words(text);
    const agreed = commonPrefix(this.#previous, current);
    this.#previous = current;
    return this.#take(agreed);
  }

  /** The final hypothesis: the words after those already sent (null if none). */
  final(text: string): string | null {
    return this.#take(words(text));
  }

  #take(agreed: readonly string[]): string | null {
    const same = commonPrefix(this.#sent, agreed).length;
    if (agreed.length <= same) return null;
    const from = same < this.#sent.length ? Math.max(0, same - CORRECTION_CONTEXT) : same;
    const delta = (this.#any ? ' ' : '') + agreed.slice(from).join(' ');
    this.#sent = [...agreed];
    this.#any = true;
    return delta;
  }
}
