import { phoneAgentConfigSchema, PHONE_BUILTIN_TOOLS, type PhoneAgentConfig, type PhoneAgentSource } from '@/lib/contracts/phone-agent';
import type { StudioAgentSource, StudioPhoneAgent } from '@/lib/server/studio/agent-source';

/**
 * The phone line's agents from the agent studio (the database): the number's mapped agent, every
 * saved version reaching live calls (LISTEN/NOTIFY and the version poll of the studio source).
 * A studio agent becomes a phone config here: the phone runtime runs every built-in (end_call,
 * transfer_to_human to the agent's transfer number, and the read-only lookups on the app's
 * database) and the webhook tools; transfer_to_human is left out when no transfer number is set,
 * so the model is never offered a tool nobody answers.
 */
export function toPhoneAgentConfig(agent: StudioPhoneAgent): PhoneAgentConfig {
  const phoneTools = new Set<string>(PHONE_BUILTIN_TOOLS);
  return phoneAgentConfigSchema.parse({
    id: agent.id,
    name: agent.name,
    version: agent.version,
    model: agent.model,
    voice: agent.voice,
    instructions: agent.instructions,
    greeting: agent.greeting,
    transcriptionModel: agent.transcriptionModel,
    silenceDurationMs: agent.turnDetection.silenceDurationMs,
    builtinTools: agent.tools.builtins.filter((name) => phoneTools.has(name) && (name !== 'transfer_to_human' || agent.transferNumber !== null)),
    ...(agent.transferNumber ? { transferNumber: agent.transferNumber } : {}),
    webhookTools: agent.tools.webhooks.map((w) => ({
      name: w.name,
      description: w.description,
      parameters: w.parameters,
      url: w.url,
      timeoutMs: w.timeoutMs,
      ...(w.secretHeader ? { secretHeader: w.secretHeader } : {}),
    })),
  });
}

/** `ready`: the studio's built-in agents are in the database (a fresh install's first call comes before anyone opens the studio). */
export function studioPhoneAgentSource(studio: StudioAgentSource, ready: () => Promise<void>): PhoneAgentSource {
  const convert = (agent: StudioPhoneAgent | null) => (agent ? toPhoneAgentConfig(agent) : null);
  return {
    forNumber: async (calledNumber) => {
      await ready();
      return convert(await studio.forNumber(calledNumber));
    },
    byId: async (id) => {
      await ready();
      return convert(await studio.byId(id));
    },
    subscribe: (agentId, onChange) => studio.subscribe(agentId, (agent) => onChange(toPhoneAgentConfig(agent))),
  };
}
