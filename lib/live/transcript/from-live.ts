import type { HintCard } from '@/lib/live/hints/hint-types';
import { displayText } from '@/lib/realtime/store/transcript';
import type { TranscriptState } from '@/lib/realtime/store/types';
import type { TranscriptEntry } from '@/lib/live/transcript/types';

/**
 * The live page's transcript (items in order, with hint cards by item id) as export
 * entries: meeting speech as 'user', hints as 'hint' with their kind, trigger and whether
 * they were cut off, anything else the assistant said as 'assistant'. Live partial text is
 * included, so an export mid-sentence has what is on screen.
 */
export function liveTranscriptEntries(transcript: TranscriptState, hints: Readonly<Record<string, HintCard>>): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  for (const id of transcript.order) {
    const item = transcript.byId[id];
    if (!item) continue;
    const card = hints[id];
    const text = displayText(item);
    if (card) {
      out.push({ id, role: 'hint', text, at: item.at, hint: { kind: card.kind, trigger: card.trigger, interrupted: card.status === 'interrupted' } });
    } else {
      out.push({ id, role: item.role, text, at: item.at });
    }
  }
  return out;
}
