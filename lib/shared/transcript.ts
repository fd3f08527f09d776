import type { TranscriptItem } from '@/lib/contracts/transcript';

/** Transcript items in conversation order: by seq, then start time, then id. */
export function sortTranscript<T extends Pick<TranscriptItem, 'seq' | 'startedAt' | 'itemId'>>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => a.seq - b.seq || a.startedAt.getTime() - b.startedAt.getTime() || a.itemId.localeCompare(b.itemId),
  );
}

export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu);
  return words ? words.length : 0;
}
