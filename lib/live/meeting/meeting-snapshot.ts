import type { RealtimeItem } from '@openai/agents-realtime';
import type { HintCard } from '@/lib/live/hints/hint-types';
import { displayText } from '@/lib/realtime/store/transcript';
import type { TranscriptRow, TranscriptState } from '@/lib/realtime/store/types';
import type { RealtimeState } from '@/lib/realtime/store/store';
import type { Backend } from '@/lib/realtime/store/types';
import type { MeetingSnapshot } from './meeting-snapshot-schema';
import { meetingTitle } from './past-meetings';
import type { LiveSessionLine, SaveLiveSessionInput } from './saved-meeting';

/**
 * The live meeting as this tab keeps it (sessionStorage), so a reload or a crash of the page
 * does not lose it: the transcript rows, the hint cards, the call's times and whether it
 * still needs saving. Read back as untrusted data (validated, never thrown on).
 */
export const MEETING_STORAGE_KEY = 'cue.live.meeting.v1';

export type { MeetingSnapshot } from './meeting-snapshot-schema';

/**
 * Read the tab's copy; anything unreadable counts as none (and is removed). The schema loads only
 * when there is a copy to check (a reload mid-meeting), so a first visit never downloads it.
 */
export async function readSnapshot(storage: Storage): Promise<MeetingSnapshot | null> {
  let text: string | null;
  try {
    text = storage.getItem(MEETING_STORAGE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  const { meetingSnapshotSchema } = await import('./meeting-snapshot-schema');
  try {
    const parsed = meetingSnapshotSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not JSON
  }
  console.warn('[live] the kept transcript of this tab is unreadable; starting empty');
  storage.removeItem(MEETING_STORAGE_KEY);
  return null;
}

/** Write the tab's copy. 'full' when the browser refused (storage quota). */
export function writeSnapshot(storage: Storage, snapshot: MeetingSnapshot | null): 'ok' | 'full' {
  try {
    if (snapshot) storage.setItem(MEETING_STORAGE_KEY, JSON.stringify(snapshot));
    else storage.removeItem(MEETING_STORAGE_KEY);
    return 'ok';
  } catch {
    return 'full';
  }
}

export function transcriptRows(transcript: TranscriptState): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  for (const id of transcript.order) {
    const row = transcript.byId[id];
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Rows as they stand once the page that was hearing them is gone: words still arriving are
 * kept as said so far and marked cut off; rows with no words are left out.
 */
export function settleRows(rows: readonly TranscriptRow[]): TranscriptRow[] {
  const out: TranscriptRow[] = [];
  for (const row of rows) {
    const text = displayText(row);
    if (!text) continue;
    const open = row.status === 'in_progress';
    out.push({ ...row, text, partial: '', status: open ? 'incomplete' : row.status, placeholder: false });
  }
  return out;
}

/** Hint cards after a reload: one still preparing failed, one still speaking was cut off. */
export function settleCards(cards: readonly HintCard[]): HintCard[] {
  return cards.map((card) => {
    if (card.status === 'requested') return { ...card, status: 'failed', interruptedBy: 'reload' };
    if (card.status === 'speaking') return { ...card, status: 'interrupted', interruptedBy: 'reload' };
    return card;
  });
}

/** The rows as history to replay into a new session, so the meeting continues where it was (`restoreHistory`). */
export function rowsToHistory(rows: readonly TranscriptRow[]): RealtimeItem[] {
  const items: RealtimeItem[] = [];
  for (const row of rows) {
    const text = displayText(row).trim();
    if (!text) continue;
    if (row.role === 'user') items.push({ itemId: row.id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });
    else items.push({ itemId: row.id, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] });
  }
  return items;
}

/** The meeting's lines to save: speech with how it came in, hints with how they ended. Rows without words are left out. */
export function meetingLines(rows: readonly TranscriptRow[], hints: Readonly<Record<string, HintCard>>): LiveSessionLine[] {
  const lines: LiveSessionLine[] = [];
  for (const row of rows) {
    const text = displayText(row);
    const card = hints[row.id];
    if (card) {
      const status = card.status === 'done' || card.status === 'interrupted' || card.status === 'failed' ? card.status : 'interrupted';
      lines.push({ id: row.id, role: 'hint', text, at: row.at, hint: { kind: card.kind, trigger: card.trigger, interrupted: status === 'interrupted', status } });
    } else if (text) {
      lines.push({ id: row.id, role: row.role, text, at: row.at, source: row.source });
    }
  }
  return lines;
}

export type SaveInputParts = {
  meetingId: string | null;
  state: Pick<RealtimeState, 'transcript' | 'callStartedAt' | 'agentId'>;
  hints: Readonly<Record<string, HintCard>>;
  endedAt: number;
  backend: Backend;
  model: string | null;
  voice: string | null;
};

/** What saving the meeting on screen sends; null when there is nothing to save. */
export function buildSaveInput({ meetingId, state, hints, endedAt, backend, model, voice }: SaveInputParts): SaveLiveSessionInput | null {
  const lines = meetingLines(transcriptRows(state.transcript), hints);
  const firstAt = lines[0]?.at;
  if (!meetingId || firstAt === undefined) return null;
  const startedAt = Math.round(Math.min(state.callStartedAt ?? firstAt, firstAt));
  return {
    id: meetingId,
    title: meetingTitle(lines),
    agentId: state.agentId ?? 'hint-assistant',
    backend,
    model,
    voice,
    startedAt,
    endedAt: Math.round(Math.max(startedAt, endedAt)),
    lines,
  };
}
