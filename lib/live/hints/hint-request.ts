import type { RealtimeItem } from '@openai/agents-realtime';
import { buildHintAssistantInstructions, buildHintRequestInstructions } from '@/agents/prompts/hint-assistant';
import type { HintKind, HintSettings } from '@/lib/live/settings/schema';

/** A message as the GA Realtime API takes it in `response.input` (text only: cheap, and what the model needs). */
export type HintInputMessage =
  | { type: 'message'; role: 'user'; content: [{ type: 'input_text'; text: string }] }
  | { type: 'message'; role: 'assistant'; content: [{ type: 'output_text'; text: string }] };

/** The `response` object for `session.transport.requestResponse(...)` (sent as `response.create`). */
export type HintResponse = {
  /** Out of band: the hint is not added to the meeting's conversation. */
  conversation: 'none';
  instructions: string;
  /** ONLY these messages are the model's context for this hint. */
  input: HintInputMessage[];
  /** Echoed on response.created / response.done, so the client can tell hint responses apart. */
  metadata: Record<string, string>;
};

/** Text heard so far for items still being transcribed (a Map fits). */
export type LiveTranscripts = { get(itemId: string): string | undefined };

type HintRequestSettings = Pick<HintSettings, 'quickSeconds' | 'fullSeconds' | 'quickContextSize' | 'fullContextSize'>;

export type BuildHintResponseInput = {
  kind: HintKind;
  settings: HintRequestSettings;
  /** The session's history (`session.history`), oldest first. Only its tail is read. */
  history?: readonly RealtimeItem[];
  /**
   * The context, already picked (oldest first), e.g. from the page's time-ordered transcript
   * (`recentTranscriptMessages`). Used instead of `history` when given.
   */
  messages?: readonly HintInputMessage[];
  /**
   * Text heard so far for items whose transcript is not final yet, by item id
   * (the SDK fills `transcript` only on `...transcription.completed`, but a
   * trigger fires mid-utterance). Used when the item's own text is empty.
   */
  liveTranscripts?: LiveTranscripts;
  /** What fired the hint (the phrase, or 'button'), for metadata. */
  trigger?: string;
  /** An id the client picks to match response.created/done to this request. */
  requestId?: string;
};

/** Longest text kept per message; longer ones keep their most recent part. */
export const MAX_MESSAGE_CHARS = 1_200;

/** Most items looked at from the end of the history: bounds the walk when many items carry no text. */
export function maxScannedItems(contextSize: number): number {
  return contextSize * 4 + 16;
}

function messageText(item: RealtimeItem, live: LiveTranscripts | undefined): string {
  if (item.type !== 'message' || item.role === 'system') return '';
  const parts: string[] = [];
  for (const c of item.content) {
    if (c.type === 'input_text' || c.type === 'output_text') parts.push(c.text);
    else if (c.type === 'input_audio' || c.type === 'output_audio') parts.push(c.transcript ?? '');
  }
  let text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (!text) text = (live?.get(item.itemId) ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_MESSAGE_CHARS) text = `…${text.slice(-(MAX_MESSAGE_CHARS - 1))}`;
  return text;
}

export function inputMessage(role: 'user' | 'assistant', text: string): HintInputMessage {
  return role === 'user'
    ? { type: 'message', role: 'user', content: [{ type: 'input_text', text }] }
    : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] };
}

/** Whitespace collapsed, and only the most recent MAX_MESSAGE_CHARS kept. */
export function clipMessage(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARS ? `…${flat.slice(-(MAX_MESSAGE_CHARS - 1))}` : flat;
}

/**
 * Build the out-of-band `response.create` payload for a hint. The context is
 * the last N user/assistant messages (N = the kind's context size) as text,
 * found by walking the history from its end: the work and the token cost are
 * O(N), never O(meeting length). Items without text (pending transcriptions
 * with no live text, tool calls, system messages) are skipped and not counted.
 */
export function buildHintResponse({ kind, settings, history = [], messages, liveTranscripts, trigger, requestId }: BuildHintResponseInput): HintResponse {
  const contextSize = kind === 'quick' ? settings.quickContextSize : settings.fullContextSize;
  const maxSeconds = kind === 'quick' ? settings.quickSeconds : settings.fullSeconds;
  const picked: HintInputMessage[] = messages ? messages.slice(-contextSize) : [];
  if (!messages) {
    const stop = Math.max(0, history.length - maxScannedItems(contextSize));
    for (let i = history.length - 1; i >= stop && picked.length < contextSize; i--) {
      const item = history[i];
      if (!item || item.type !== 'message') continue;
      const text = messageText(item, liveTranscripts);
      if (!text) continue;
      if (item.role === 'user') picked.push(inputMessage('user', text));
      else if (item.role === 'assistant') picked.push(inputMessage('assistant', text));
    }
    picked.reverse();
  }

  const metadata: Record<string, string> = { cue_hint: kind };
  if (trigger) metadata.cue_trigger = trigger.slice(0, 500);
  if (requestId) metadata.cue_request_id = requestId.slice(0, 500);

  return {
    conversation: 'none',
    instructions: [
      buildHintAssistantInstructions(),
      'This response IS an explicit hint request. The input holds only the latest part of the meeting transcript ("user" = what was heard in the meeting; "assistant" = your earlier hints).',
      buildHintRequestInstructions({ kind, maxSeconds }),
    ].join('\n\n'),
    input: picked,
    metadata,
  };
}
