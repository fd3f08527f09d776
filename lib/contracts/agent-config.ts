import { z } from 'zod';
import { personaBriefSchema } from './persona-brief';
import { REALTIME_MODEL_IDS, TRANSCRIPTION_MODEL_IDS } from './models';

/**
 * A coaching agent declared as data. The realtime session config, the minted
 * client secret and the browser's RealtimeAgent are all derived from this.
 */
/** Derived from the one model list (lib/contracts/models.ts). */
export const REALTIME_MODELS = REALTIME_MODEL_IDS;
export const VOICES = ['marin', 'cedar', 'alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse'] as const;
export const TRANSCRIPTION_MODELS = TRANSCRIPTION_MODEL_IDS;

export const realtimeModelSchema = z.enum(REALTIME_MODELS);
export const voiceSchema = z.enum(VOICES);
const transcriptionModelSchema = z.enum(TRANSCRIPTION_MODELS);

const turnDetectionSchema = z.object({
  type: z.enum(['server_vad', 'semantic_vad']).default('server_vad'),
  createResponse: z.boolean(),
  interruptResponse: z.boolean(),
  silenceDurationMs: z.number().int().min(100).max(5000),
  prefixPaddingMs: z.number().int().min(0).max(2000).default(300),
  threshold: z.number().min(0).max(1).default(0.5),
});

export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

const agentToolSchema = z.object({
  name: z.string().regex(TOOL_NAME_PATTERN, 'tool names are snake_case'),
  description: z.string().min(10),
  parameters: z.custom<z.ZodObject>((v) => v instanceof z.ZodObject, 'parameters must be a zod object schema'),
});
export type AgentTool = z.infer<typeof agentToolSchema>;

/**
 * The fields every agent has, typed in agents/ or stored in the database (the agent studio,
 * lib/contracts/studio-agent.ts): one schema, so a stored config is checked exactly like a typed one.
 */
export const agentCoreSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'ids are kebab-case'),
  name: z.string().min(1).max(60),
  purpose: z.string().min(10).max(400),
  model: realtimeModelSchema,
  voice: voiceSchema,
  /** At most what the realtime service takes in one session (32,768 characters). */
  instructions: z.string().min(20).max(32_768),
  turnDetection: turnDetectionSchema,
  transcriptionModel: transcriptionModelSchema,
  /** Lifetime of a minted client secret, seconds (OpenAI allows 10..7200). */
  secretTtlSeconds: z.number().int().min(10).max(7200).default(600),
});

export const agentConfigSchema = agentCoreSchema.extend({
  tools: z.array(agentToolSchema).default([]),
  /** The role-play persona as data, for the local engine (carried in its token). The OpenAI path ignores it. */
  localPersona: personaBriefSchema.optional(),
});
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentConfigInput = z.input<typeof agentConfigSchema>;

export function defineAgent(config: AgentConfigInput): AgentConfig {
  return agentConfigSchema.parse(config);
}
