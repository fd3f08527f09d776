import { hintAssistant } from './hint-assistant';
import { practicePartner } from './practice-partner';
import { roleplayClient } from './roleplay-client';
import type { AgentConfig } from '../lib/contracts/agent-config';

export const agentRegistry = {
  'hint-assistant': hintAssistant,
  'practice-partner': practicePartner,
  'roleplay-client': roleplayClient,
} as const satisfies Record<string, AgentConfig>;

for (const [key, config] of Object.entries(agentRegistry)) {
  if (key !== config.id) throw new Error(`agent registry key ${key} does not match config id ${config.id}`);
}

export type AgentId = keyof typeof agentRegistry;
export const AGENT_IDS = Object.keys(agentRegistry) as [AgentId, ...AgentId[]];
export const DEFAULT_AGENT_ID: AgentId = 'practice-partner';

export function isAgentId(id: string): id is AgentId {
  return Object.hasOwn(agentRegistry, id);
}

export function getAgentConfig(id: string = DEFAULT_AGENT_ID): AgentConfig | undefined {
  return isAgentId(id) ? (agentRegistry[id] as AgentConfig) : undefined;
}
