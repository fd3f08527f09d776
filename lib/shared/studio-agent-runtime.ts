import { z } from 'zod';
import { agentConfigSchema, type AgentConfig } from '@/lib/contracts/agent-config';
import { BUILTIN_TOOLS, type JsonSchemaObject, type StudioAgentConfig } from '@/lib/contracts/studio-agent';

/**
 * A stored studio config as the realtime layers take it (lib/contracts/agent-config's AgentConfig):
 * built-in and webhook tools become function tools whose JSON-schema parameters are read back into zod.
 * Used by the mint (the session the service runs) and the browser's "Try it" session (the SDK agent),
 * so both describe the same tools. Secrets are not part of the result.
 */
type RuntimeInput = Omit<StudioAgentConfig, 'tools'> & {
  tools: { builtins: readonly string[]; webhooks: readonly { name: string; description: string; parameters: JsonSchemaObject }[] };
};

function toZodObject(parameters: JsonSchemaObject): z.ZodObject {
  const schema = z.fromJSONSchema(parameters as unknown as Parameters<typeof z.fromJSONSchema>[0]);
  return schema instanceof z.ZodObject ? schema : z.object({});
}

function studioToolList(config: RuntimeInput): { name: string; description: string; parameters: JsonSchemaObject }[] {
  const builtins = BUILTIN_TOOLS.filter((t) => config.tools.builtins.includes(t.name)).map((t) => ({ name: t.name, description: t.description, parameters: t.parameters as JsonSchemaObject }));
  return [...builtins, ...config.tools.webhooks.map((w) => ({ name: w.name, description: w.description, parameters: w.parameters }))];
}

export function studioToAgentConfig(config: RuntimeInput): AgentConfig {
  return agentConfigSchema.parse({
    id: config.id,
    name: config.name,
    purpose: config.purpose,
    model: config.model,
    voice: config.voice,
    instructions: config.instructions,
    turnDetection: config.turnDetection,
    transcriptionModel: config.transcriptionModel,
    secretTtlSeconds: config.secretTtlSeconds,
    tools: studioToolList(config).map((t) => ({ name: t.name, description: t.description, parameters: toZodObject(t.parameters) })),
  });
}

/** The response.create that makes the agent speak first: its greeting, word for word. */
export function greetingInstructions(config: { instructions: string; greeting: string }): string {
  return `${config.instructions}\nThe call has just connected. Greet the caller with exactly these words and nothing else: "${config.greeting}"`;
}
