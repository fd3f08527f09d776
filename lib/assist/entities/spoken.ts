/**
 * Spoken forms to written ones, for entity detection on transcripts: digit words ("four four one
 * one", "double two", "oh") become digits, runs of single digits join up ("4 4 1 1" -> "4411"),
 * and "dash"/"hyphen" between digit groups becomes "-".
 */

const DIGITS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const REPEAT: Record<string, number> = { double: 2, triple: 3 };

export function normalizeSpokenDigits(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const out: { text: string; digits: boolean }[] = [];
  let repeat = 1;
  for (let i = 0; i < words.length; i++) {
    const token = words[i] ?? '';
    const word = token.toLowerCase().replace(/[,.;:!?]+$/, '');
    const tail = token.slice(word.length);
    if (REPEAT[word] && DIGITS[(words[i + 1] ?? '').toLowerCase().replace(/[,.;:!?]+$/, '')] !== undefined) {
      repeat = REPEAT[word];
      continue;
    }
    const digit = DIGITS[word];
    // "o"/"oh" is zero only after a digit ("four oh two"), not in "oh no".
    const zeroWord = word === 'o' || word === 'oh';
    if (digit !== undefined && (!zeroWord || out.at(-1)?.digits)) {
      const prev = out.at(-1);
      const d = digit.repeat(repeat);
      repeat = 1;
      if (prev?.digits && !/[,.;:!?]$/.test(prev.text)) prev.text += d + tail;
      else out.push({ text: d + tail, digits: true });
      continue;
    }
    repeat = 1;
    out.push({ text: token, digits: false });
  }
  return joinDigitRuns(out.map((t) => t.text).join(' '));
}

/** "4 4 1 1 dash 2 0 9 3" -> "4411-2093"; "44 11" stays two groups only when a group is longer than one digit. */
function joinDigitRuns(text: string): string {
  let s = text.replace(/(\d)\s+(?:dash|hyphen)\s+(?=\d)/gi, '$1-');
  // Join single digits separated by spaces (spelled out one by one).
  s = s.replace(/\b\d(?:[ ]+\d\b)+/g, (run) => run.replace(/\s+/g, ''));
  return s;
}

/** "dana dot whitfield at example dot com" -> "dana.whitfield@example.com" (only where it forms an address). */
export function normalizeSpokenEmail(text: string): string {
  return text.replace(
    /\b([a-z0-9]+(?:\s+(?:dot|underscore|dash)\s+[a-z0-9]+)*)\s+at\s+([a-z0-9]+(?:\s+dot\s+[a-z0-9]+)+)\b/gi,
    (_m, local: string, domain: string) =>
      `${local.replace(/\s+dot\s+/gi, '.').replace(/\s+underscore\s+/gi, '_').replace(/\s+dash\s+/gi, '-')}@${domain.replace(/\s+dot\s+/gi, '.')}`,
  );
}
