import type { PersonaBrief } from '@/lib/contracts/persona-brief';

/**
 * What a reply policy sees and returns. Policies are pure: same context, same
 * reply. The runner turns a reply into streamed output items.
 */
export type ReplyItem =
  | { type: 'message'; id: string | null; role: 'user' | 'assistant' | 'system'; text: string }
  | { type: 'function_call'; id: string | null; name: string; callId: string; arguments: string }
  | { type: 'function_call_output'; id: string | null; callId: string; output: string; name: string | null };

export type ReplyTool = { name: string; description?: string; parameters?: Record<string, unknown> };

export type ReplyRequest = {
  /** `conversation: 'none'`: the output is not added to the conversation. */
  outOfBand: boolean;
  /** `response.input` was given, so `conversationItems` is that input, not the conversation. */
  inputOverride: boolean;
  /** Per-response instructions, when the client sent some. */
  responseInstructions: string | null;
  /** Who asked: the client (`response.create`), turn detection after a user turn, or a test control. */
  trigger: 'client' | 'turn_detection' | 'test_control';
  metadata: Record<string, unknown> | null;
  toolChoice: unknown;
};

export type ReplyContext = {
  /** Agent config id from the token (`hint-assistant`, `practice-partner`, ...). */
  agentId: string;
  /** The role-play persona from the token (lib/contracts/persona-brief), when the agent has one. */
  persona: PersonaBrief | null;
  /** Effective instructions: the response's own if given, else the session's. */
  instructions: string;
  tools: ReplyTool[];
  /** The items the "model" sees, in order (the in-progress reply is not among them). */
  conversationItems: ReplyItem[];
  request: ReplyRequest;
};

export type ReplyToolCall = { name: string; arguments: Record<string, unknown> | string };
export type Reply = { toolCalls?: ReplyToolCall[]; text: string };
export type ReplyPolicy = (ctx: ReplyContext) => Reply;
