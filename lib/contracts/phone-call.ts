/**
 * A phone call's log as stored and shown (/phone): both sides' words, what happened, the tools
 * the agent ran with their arguments and results, and the usage.
 */
export type PhoneCallSource = 'twilio' | 'simulator';
export type PhoneCallStatus = 'in_progress' | 'completed' | 'transferred' | 'failed';
export const PHONE_CALL_STATUSES = ['in_progress', 'completed', 'transferred', 'failed'] as const satisfies readonly PhoneCallStatus[];

export type PhoneTranscriptLine = { itemId: string; speaker: 'caller' | 'agent'; text: string; at: string };
export type PhoneCallEvent = { at: string; type: string; detail?: string };
export type PhoneToolCall = { at: string; name: string; args: unknown; result: unknown; ok: boolean; ms: number };
export type PhoneCallUsage = { requests: number; inputTokens: number; outputTokens: number; totalTokens: number };

/** A call in the list (dates as ISO strings: it crosses to the browser). */
export type PhoneCallListItem = {
  id: string;
  source: PhoneCallSource;
  agentId: string;
  agentName: string;
  agentVersion: number;
  fromNumber: string | null;
  toNumber: string | null;
  status: PhoneCallStatus;
  endReason: string | null;
  startedAt: string;
  durationMs: number | null;
};

export type PhoneCallDetail = PhoneCallListItem & {
  callSid: string | null;
  backend: 'local' | 'openai';
  endedAt: string | null;
  updatedAt: string;
  transcript: PhoneTranscriptLine[];
  events: PhoneCallEvent[];
  toolCalls: PhoneToolCall[];
  usage: PhoneCallUsage | null;
};
