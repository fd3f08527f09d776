import type { ActionProposal } from '../call/proposals';

/** What the suggestion stream sends the page, one JSON object per server-sent event. */

export type SuggestSource = { kind: 'policy' | 'article'; id: string; title: string; url: string };

export type SuggestEvent =
  | { type: 'started'; runId: string; backend: 'local' | 'openai'; requestChars: number; turnsUsed: number }
  | { type: 'tool_call'; name: string; args: string }
  | { type: 'tool_result'; name: string; summary: string }
  | { type: 'delta'; text: string }
  | { type: 'done'; runId: string; reply: string; sources: SuggestSource[]; proposals: ActionProposal[]; ms: number }
  | { type: 'error'; code: 'not_found' | 'cancelled' | 'agent_failed' | 'timeout'; message: string };

/** One event as an SSE frame. */
export const sseFrame = (e: SuggestEvent) => `data: ${JSON.stringify(e)}\n\n`;

/** Split a buffer of SSE text into complete events and the unfinished rest. */
export function parseSseChunk(buffer: string): { events: SuggestEvent[]; rest: string } {
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  const events: SuggestEvent[] = [];
  for (const frame of frames) {
    const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
    if (!data) continue;
    try {
      events.push(JSON.parse(data) as SuggestEvent);
    } catch {
      // A malformed frame is skipped; the stream's done or error event still arrives.
    }
  }
  return { events, rest };
}
