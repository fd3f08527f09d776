import type { TranscriptState } from '@/lib/realtime/store/types';
import { clipMessage, inputMessage, maxScannedItems, type HintInputMessage, type LiveTranscripts } from './hint-request';

/**
 * The last `count` messages of the page's transcript (oldest first) as a hint's input. The
 * transcript is in time order (a hint sits where it was spoken, unlike in the SDK's history),
 * so the context is what was said most recently. Words still being transcribed come from
 * `live` (it already holds the delta being handled). The utterance that fired the hint is
 * included even if the transcript has not shown it yet. O(count), whatever the meeting length.
 */
export function recentTranscriptMessages(
  transcript: TranscriptState,
  count: number,
  live?: LiveTranscripts,
  currentItemId?: string | null,
): HintInputMessage[] {
  const picked: HintInputMessage[] = [];
  const { order, byId } = transcript;
  if (currentItemId && !byId[currentItemId] && count > 0) {
    const text = clipMessage(live?.get(currentItemId) ?? '');
    if (text) picked.push(inputMessage('user', text));
  }
  const stop = Math.max(0, order.length - maxScannedItems(count));
  for (let i = order.length - 1; i >= stop && picked.length < count; i--) {
    const id = order[i];
    const item = id ? byId[id] : undefined;
    if (!item || !id) continue;
    const text = clipMessage(item.text || live?.get(id) || item.partial);
    if (text) picked.push(inputMessage(item.role, text));
  }
  return picked.reverse();
}
