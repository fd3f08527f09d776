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
