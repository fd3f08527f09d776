import { phoneReceptionist, PHONE_RECEPTIONIST_ID } from '@/agents/phone-receptionist';
import { phoneAgentConfigSchema, type PhoneAgentConfig, type PhoneAgentSource } from '@/lib/contracts/phone-agent';
import { databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import type { Env } from '@/lib/server/env-schema';
import { createStudioAgentSource, listenerFor } from '@/lib/server/studio/agent-source';
import { ensureStudioSeeded } from '@/lib/server/db/studio-queries';
import { STUDIO_BUILTINS } from '@/agents/studio-builtins';
import { studioPhoneAgentSource } from './studio-agent-source';

export type { PhoneAgentSource } from '@/lib/contracts/phone-agent';

/**
 * The built-in source: every number reaches the receptionist (a fresh install has no mapping, and
 * a caller should hear someone, not silence). `publish` stands in for a studio save (tests, and
 * any in-process change).
 */
export type BuiltinPhoneAgentSource = PhoneAgentSource & {
  /** The config now, for tests (throws when unknown). */
  byIdSync(id: string): PhoneAgentConfig;
  /** Replace an agent's config and tell its live calls. */
  publish(cfg: PhoneAgentConfig): void;
};

export function builtinPhoneAgentSource(agents: readonly PhoneAgentConfig[] = [phoneReceptionist], defaultId = PHONE_RECEPTIONIST_ID): BuiltinPhoneAgentSource {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const listeners = new Map<string, Set<(cfg: PhoneAgentConfig) => void>>();
  return {
    async forNumber(): Promise<PhoneAgentConfig | null> {
      return byId.get(defaultId) ?? null;
    },
    async byId(id: string): Promise<PhoneAgentConfig | null> {
      return byId.get(id) ?? null;
    },
    subscribe(agentId: string, onChange: (cfg: PhoneAgentConfig) => void): () => void {
      const set = listeners.get(agentId) ?? new Set();
      listeners.set(agentId, set);
      set.add(onChange);
      return () => set.delete(onChange);
    },
    byIdSync(id: string): PhoneAgentConfig {
      const cfg = byId.get(id);
      if (!cfg) throw new Error(`no agent ${id}`);
      return cfg;
    },
    publish(input: PhoneAgentConfig): void {
      const cfg = phoneAgentConfigSchema.parse(input);
      byId.set(cfg.id, cfg);
      for (const listener of listeners.get(cfg.id) ?? []) listener(cfg);
    },
  };
}


const globalForSource = globalThis as typeof globalThis & { __cuePhoneAgentSource?: PhoneAgentSource };

/**
 * The source the app uses: the agent studio's, on the app's database (numbers mapped to agents in
 * /admin/studio, saved changes reaching live calls). One per process, shared by the /twiml route
 * (inside Next) and the /call socket (the custom server), so both see the same agents.
 */
export function phoneAgentSource(env: Env): PhoneAgentSource {
  if (!globalForSource.__cuePhoneAgentSource) {
    const handle = getDatabase(databaseConfigFromEnv(env));
    const studio = createStudioAgentSource({ db: handle.db, listen: listenerFor(handle) });
    globalForSource.__cuePhoneAgentSource = studioPhoneAgentSource(studio, () => ensureStudioSeeded(handle.db, STUDIO_BUILTINS));
  }
  return globalForSource.__cuePhoneAgentSource;
}
