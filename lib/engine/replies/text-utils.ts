import type { ReplyItem } from './types';

const WORDS_PER_SECOND = 2.5;

export function words(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/** The first `max` words, with an ellipsis when something was cut. */
export function firstWords(text: string, max: number): string {
  const w = words(text);
  return w.length <= max ? w.join(' ') : `${w.slice(0, max).join(' ')}…`;
}

/** The last `max` words, stripped of the punctuation around them. */
export function lastWords(text: string, max: number): string {
  return words(text)
    .slice(-max)
    .join(' ')
    .replace(/^[\s"'“”‘’([{<-]+|[\s"'“”‘’.,;:!?)\]}>…-]+$/gu, '');
}

export function countMessages(items: readonly ReplyItem[]): number {
  return items.filter((i) => i.type === 'message').length;
}

export function lastUserText(items: readonly ReplyItem[]): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item?.type === 'message' && item.role === 'user' && item.text.trim() !== '') return item.text.trim();
  }
  return null;
}

export function userMessageCount(items: readonly ReplyItem[]): number {
  return items.filter((i) => i.type === 'message' && i.role === 'user').length;
}

/** Items after the last user message: the current turn. */
export function currentTurn(items: readonly ReplyItem[]): ReplyItem[] {
  let start = 0;
  items.forEach((item, index) => {
    if (item.type === 'message' && item.role === 'user') start = index + 1;
  });
  return items.slice(start);
}

/** "at most 8 seconds" / "at most 2.5 s" in instructions, if present. */
export function maxSecondsIn(instructions: string): number | null {
  const m = /at most\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b/i.exec(instructions);
  return m?.[1] ? Number(m[1]) : null;
}

/** Cut text to what fits in `seconds` at ~2.5 words a second, never below `minWords`. */
export function cutToSeconds(text: string, seconds: number | null, minWords = 1): string {
  if (seconds === null) return text;
  const limit = Math.max(minWords, Math.floor(WORDS_PER_SECOND * seconds));
  const w = words(text);
  return w.length <= limit ? text : w.slice(0, limit).join(' ');
}
