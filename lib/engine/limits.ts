import type { ItemInput, ProtocolError, ResponseInputItem } from './protocol';
import { protocolError } from './protocol';

/**
 * What one engine and one session may hold, and the typed error codes it answers
 * with past each limit. Every limit is an engine option (EngineOptions.limits).
 */
export type EngineLimits = {
  /** Open sessions at once; past it an upgrade gets HTTP 503 `engine_at_capacity`. */
  maxSessions: number;
  /** Longest a session runs, seconds (a token's `max_session_s` can only shorten it). */
  maxSessionSeconds: number;
  /** Items in one conversation. */
  maxConversationItems: number;
  /** Text in one item (all its text parts, transcripts, arguments, outputs), characters. */
  maxItemTextChars: number;
  /** Session or response instructions, characters. */
  maxInstructionsChars: number;
  /** Out-of-band responses streaming at once in one session (besides the default-conversation one). */
  maxOutOfBandResponses: number;
  /** Bytes queued to a client that does not read before the session is closed. */
  maxBufferedBytes: number;
};

const DEFAULT_LIMITS: EngineLimits = {
  maxSessions: 150,
  maxSessionSeconds: 60 * 60,
  maxConversationItems: 1000,
  maxItemTextChars: 32_768,
  maxInstructionsChars: 32_768,
  maxOutOfBandResponses: 8,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** Error codes for limits, on `error` events (and the upgrade's JSON body). */
export const LIMIT_ERROR_CODES = {
  atCapacity: 'engine_at_capacity',
  tokenAlreadyUsed: 'token_already_used',
  sessionExpired: 'session_expired',
  conversationFull: 'conversation_item_limit_reached',
  itemTooLarge: 'item_text_too_large',
  instructionsTooLarge: 'instructions_too_large',
  tooManyResponses: 'too_many_active_responses',
  clientTooSlow: 'client_not_reading',
} as const;

export function resolveLimits(given: Partial<EngineLimits> | undefined): EngineLimits {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) };
}

/** Characters of text an item carries. */
function itemTextChars(item: ItemInput | ResponseInputItem): number {
  switch (item.type) {
    case 'message':
      return item.content.reduce((n, p) => n + ('text' in p ? p.text.length : 'transcript' in p ? (p.transcript?.length ?? 0) : 0), 0);
    case 'function_call':
      return item.arguments.length + item.name.length;
    case 'function_call_output':
      return item.output.length;
    default:
      return 0;
  }
}

export function checkItemText(item: ItemInput | ResponseInputItem, limits: EngineLimits, param: string, eventId: string | null): ProtocolError | null {
  const chars = itemTextChars(item);
  if (chars <= limits.maxItemTextChars) return null;
  return protocolError(LIMIT_ERROR_CODES.itemTooLarge, `The item carries ${chars} characters of text; the limit is ${limits.maxItemTextChars}.`, { param, eventId });
}

export function checkInstructions(instructions: string | undefined, limits: EngineLimits, param: string, eventId: string | null): ProtocolError | null {
  if (instructions === undefined || instructions.length <= limits.maxInstructionsChars) return null;
  return protocolError(LIMIT_ERROR_CODES.instructionsTooLarge, `Instructions are ${instructions.length} characters; the limit is ${limits.maxInstructionsChars}.`, { param, eventId });
}

export function conversationFull(limits: EngineLimits, eventId: string | null, param: string | null = null): ProtocolError {
  return protocolError(
    LIMIT_ERROR_CODES.conversationFull,
    `The conversation already holds ${limits.maxConversationItems} items, the most it may; delete some (conversation.item.delete) first.`,
    { param, eventId },
  );
}
