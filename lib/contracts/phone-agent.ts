import { z } from 'zod';
import { realtimeModelSchema, voiceSchema } from './agent-config';
import { TRANSCRIPTION_MODEL_IDS } from './models';
import { LOOKUP_TOOL_NAMES } from './studio-agent';

/**
 * A phone agent as data: what a Twilio call (or the phone simulator) runs. Plain JSON, so the
 * same schema validates the typed built-ins under agents/ and configs stored in the database
 * (the agent studio). Webhook tools carry JSON-schema parameters; the server validates the
 * model's arguments against them (zod) before calling the URL.
 */
/** Call control, run by the call itself. */
export const CALL_CONTROL_TOOLS = ['end_call', 'transfer_to_human'] as const;
/** Every built-in a call runs: call control, and the read-only lookups on the app's database. */
export const PHONE_BUILTIN_TOOLS = [...CALL_CONTROL_TOOLS, ...LOOKUP_TOOL_NAMES] as const;

const toolName = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'tool names are snake_case');

/** A JSON schema for a tool's arguments: an object schema (properties, required...). */
const jsonObjectSchema = z.looseObject({
  type: z.literal('object', { error: 'tool parameters must be a JSON schema of type "object"' }),
  properties: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  required: z.array(z.string()).optional(),
});

export const webhookToolSchema = z.object({
  name: toolName.refine((n) => !(PHONE_BUILTIN_TOOLS as readonly string[]).includes(n), 'that name belongs to a built-in tool'),
  description: z.string().min(10).max(1024),
  parameters: jsonObjectSchema,
  url: z.url({ protocol: /^https?$/, error: 'the webhook URL must be http(s)' }),
  /** Sent with every call so the receiving service can tell it is us (e.g. `X-Cue-Secret`). */
  secretHeader: z
    .object({ name: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name'), value: z.string().min(1).max(512) })
    .optional(),
  timeoutMs: z.number().int().min(100).max(30_000).default(5_000),
});
export type WebhookTool = z.infer<typeof webhookToolSchema>;

export const phoneAgentConfigSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'ids are kebab-case'),
  name: z.string().min(1).max(60),
  /** Bumped on every saved change (the studio keeps the history); shown in the call log. */
  version: z.number().int().min(1).default(1),
  model: realtimeModelSchema,
  voice: voiceSchema,
  instructions: z.string().min(20).max(16_000),
  /** What the agent says first, before the caller speaks. */
  greeting: z.string().min(1).max(500),
  transcriptionModel: z.enum(TRANSCRIPTION_MODEL_IDS),
  silenceDurationMs: z.number().int().min(200).max(3000).default(600),
  builtinTools: z.array(z.enum(PHONE_BUILTIN_TOOLS)).default(['end_call', 'transfer_to_human']),
  /** Where transfer_to_human dials (E.164). Without it the agent cannot transfer. */
  transferNumber: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +14155550100')
    .optional(),
  webhookTools: z.array(webhookToolSchema).default([]),
  maxCallSeconds: z.number().int().min(30).max(4 * 3600).default(1800),
});
export type PhoneAgentConfig = z.infer<typeof phoneAgentConfigSchema>;
export type PhoneAgentConfigInput = z.input<typeof phoneAgentConfigSchema>;

export function definePhoneAgent(config: PhoneAgentConfigInput): PhoneAgentConfig {
  return phoneAgentConfigSchema.parse(config);
}

/**
 * Where a call's agent comes from. The built-in source below serves the typed configs in
 * agents/; the agent studio provides a database-backed one (numbers mapped to agents, every
 * save a new version) with the same shape. `subscribe` tells a live call about a saved change
 * so it follows within a second (the call session calls `updateAgent`).
 */
export type PhoneAgentSource = {
  /** The agent answering `calledNumber` (E.164), or null when that number is not in service. */
  forNumber(calledNumber: string): Promise<PhoneAgentConfig | null>;
  byId(id: string): Promise<PhoneAgentConfig | null>;
  /** Calls `onChange` with each new version of `agentId`; returns the unsubscribe. */
  subscribe(agentId: string, onChange: (cfg: PhoneAgentConfig) => void): () => void;
};
