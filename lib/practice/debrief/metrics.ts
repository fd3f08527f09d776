import { countWords, sortTranscript } from '@/lib/shared/transcript';
import type { DeliveryMetrics, MetricsItem } from '@/lib/contracts/delivery-metrics';
import { countQuestions } from '@/lib/shared/questions';
import { findSpecifics } from '@/lib/shared/specifics';
import { isPlaceholderTranscript } from '@/lib/shared/speech-placeholder';

/**
 * Delivery metrics computed from the transcript, never by a model. Pure.
 * Times come from the transcript items; when an item has no end time, time-based
 * metrics fall back (talk ratio by words) or are reported as null (not measurable).
 */


const round1 = (n: number) => Math.round(n * 10) / 10;



const FILLERS = ['um', 'umm', 'uh', 'uhm', 'erm', 'er', 'ah', 'hmm', 'you know', 'i mean', 'sort of', 'kind of', 'basically', 'literally'];
const FILLER_RE = new RegExp(`\\b(${FILLERS.map((f) => f.replace(' ', '\\s+')).join('|')})\\b`, 'gi');

export function countFillers(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(FILLER_RE)) {
    const word = (m[1] ?? m[0]).toLowerCase().replace(/\s+/g, ' ');
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function durationSeconds(item: MetricsItem): number | null {
  if (!item.endedAt) return null;
  const ms = item.endedAt.getTime() - item.startedAt.getTime();
  return ms >= 0 ? ms / 1000 : null;
}

function uniqueInOrder(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function computeDeliveryMetrics(input: readonly MetricsItem[]): DeliveryMetrics {
  const items = sortTranscript(
    input
      // A spoken turn the engine could not transcribe is a placeholder, not words: it measures nothing.
      .filter((i) => i.text.trim().length > 0 && !isPlaceholderTranscript(i.text))
      .map((i, n) => ({ ...i, seq: i.seq ?? n, itemId: i.itemId ?? String(n).padStart(6, '0') })),
  );
  const user = items.filter((i) => i.speaker === 'user');
  const client = items.filter((i) => i.speaker === 'client');
  const userWords = user.reduce((n, i) => n + countWords(i.text), 0);
  const clientWords = client.reduce((n, i) => n + countWords(i.text), 0);

  const durations = items.map(durationSeconds);
  const allTimed = items.length > 0 && durations.every((d) => d !== null);
  const userSeconds = user.every((i) => durationSeconds(i) !== null) ? user.reduce((n, i) => n + (durationSeconds(i) ?? 0), 0) : null;
  const clientSeconds = client.reduce((n, i) => n + (durationSeconds(i) ?? 0), 0);

  let talkRatio: DeliveryMetrics['talkRatio'] = null;
  if (allTimed && userSeconds !== null && userSeconds + clientSeconds > 0) {
    talkRatio = { percent: round1((100 * userSeconds) / (userSeconds + clientSeconds)), basis: 'time' };
  } else if (userWords + clientWords > 0) {
    talkRatio = { percent: round1((100 * userWords) / (userWords + clientWords)), basis: 'words' };
  }

  const userMinutes = userSeconds !== null && userSeconds > 0 ? userSeconds / 60 : null;
  const wordsPerMinute = userMinutes !== null && userWords > 0 ? Math.round(userWords / userMinutes) : null;

  const fillerCounts = new Map<string, number>();
  for (const i of user) for (const [w, c] of countFillers(i.text)) fillerCounts.set(w, (fillerCounts.get(w) ?? 0) + c);
  const fillerCount = [...fillerCounts.values()].reduce((a, b) => a + b, 0);
  const top = [...fillerCounts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, 5);

  let longest = { words: 0, seconds: null as number | null };
  let run: MetricsItem[] = [];
  const closeRun = () => {
    if (run.length === 0) return;
    const words = run.reduce((n, i) => n + countWords(i.text), 0);
    const first = run[0];
    const last = run[run.length - 1];
    const seconds = first && last?.endedAt ? round1((last.endedAt.getTime() - first.startedAt.getTime()) / 1000) : null;
    if (words > longest.words) longest = { words, seconds };
    run = [];
  };
  for (const i of items) {
    if (i.speaker === 'user') run.push(i);
    else closeRun();
  }
  closeRun();

  const matches = user.flatMap((i) => findSpecifics(i.text));
  const byKind = (kind: string) => uniqueInOrder(matches.filter((m) => m.kind === kind).map((m) => m.text));
  const specifics = { dates: byKind('date'), owners: byKind('owner'), numbers: byKind('number'), checkpoints: byKind('checkpoint') };

  const first = items[0];
  const ends = items.map((i) => (i.endedAt ?? i.startedAt).getTime());
  const spanSeconds = first ? round1((Math.max(...ends) - first.startedAt.getTime()) / 1000) : null;

  return {
    userWords,
    clientWords,
    userTurns: user.length,
    clientTurns: client.length,
    talkRatio,
    wordsPerMinute,
    fillers: {
      count: fillerCount,
      per100Words: userWords > 0 ? round1((100 * fillerCount) / userWords) : null,
      perMinute: userMinutes !== null ? round1(fillerCount / userMinutes) : null,
      top,
    },
    longestMonologue: longest,
    questionsAsked: user.reduce((n, i) => n + countQuestions(i.text), 0),
    specifics: {
      total: specifics.dates.length + specifics.owners.length + specifics.numbers.length + specifics.checkpoints.length,
      ...specifics,
    },
    spanSeconds,
  };
}
