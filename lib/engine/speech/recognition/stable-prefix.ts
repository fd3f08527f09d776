/**
 * Which words of a streaming recognition are stable enough to send: the
 * recogniser revises its partial hypotheses ("okay go to" -> "okay got it"),
 * so only the words two consecutive partials agree on are emitted, once each,
 * as transcription deltas (" word word", the first without a leading space).
 * Sent words cannot be taken back: when the agreed words later differ from
 * what was sent, the corrected words from the first difference are sent again
 * ("okay go" then " got it"), so a phrase matcher on the deltas still sees the
 * phrase as said. The completed transcript is the truth for display.
 */
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
    const delta = (this.#any ? ' ' : '') + agreed.slice(same).join(' ');
    this.#sent = [...agreed];
    this.#any = true;
    return delta;
  }
}
