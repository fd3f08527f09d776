/**
 * The live page's two channels: "you" (the microphone, or lines you type) and "them" (the other
 * side's audio, a meeting tab shared with display capture, in a transcription session of its
 * own; or lines typed for them when rehearsing). A "them" line enters the hint session's
 * conversation as context with a marker naming where it came from, so one ordered transcript
 * keeps both sides, the hint agent knows who said what, and the page labels each row by its
 * channel, never by guessing who spoke.
 */

export type ThemSource = 'tab' | 'typed';
export type RowChannel = { channel: 'you' | 'them'; source: 'mic' | 'typed' | ThemSource; text: string };

const THEM_MARKER = /^Them \((tab|typed)\): /;

/** The text a "them" line is sent as. */
export function themLine(text: string, source: ThemSource): string {
  return `Them (${source}): ${text.trim()}`;
}

/** Which channel a user row of the transcript came from, and its text without the marker. */
export function rowChannel(row: { text: string; source: 'voice' | 'text' }): RowChannel {
  const m = THEM_MARKER.exec(row.text);
  if (m) return { channel: 'them', source: m[1] as ThemSource, text: row.text.slice(m[0].length) };
  return { channel: 'you', source: row.source === 'voice' ? 'mic' : 'typed', text: row.text };
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export type TalkRatio = { youWords: number; themWords: number; /** Your share of the words said, 0..1; null before anyone spoke. */ youShare: number | null };

/** Talk ratio by words said on each channel (the meeting's lines; hints and replies are not talk). */
export function talkRatio(rows: Iterable<{ role: string; text: string; source: 'voice' | 'text' }>): TalkRatio {
  let youWords = 0;
  let themWords = 0;
  for (const row of rows) {
    if (row.role !== 'user') continue;
    const c = rowChannel(row);
    if (c.channel === 'you') youWords += words(c.text);
    else themWords += words(c.text);
  }
  const total = youWords + themWords;
  return { youWords, themWords, youShare: total ? youWords / total : null };
}
