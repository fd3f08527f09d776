import type { AgentConfig } from '@/lib/contracts/agent-config';
import { whenIdle } from '@/lib/shared/when-idle';

/**
 * The agent configs for the live page's Connect, loaded on demand: the registry validates
 * every config with zod at import, and the page does not need any of it before a call.
 * Fetched while the page is idle (like the realtime SDK); a failed download is forgotten,
 * so the next Connect tries again (and reports the failure if it fails again).
 */
type Registry = typeof import('@/agents/registry');

let loading: Promise<Registry> | null = null;

function loadRegistry(): Promise<Registry> {
  loading ??= import('@/agents/registry').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export function loadLiveAgentConfig(id: string): Promise<AgentConfig | undefined> {
  return loadRegistry().then((registry) => registry.getAgentConfig(id));
}

export function prefetchLiveAgentsWhenIdle(): () => void {
  return whenIdle(() => void loadRegistry().catch(() => undefined));
}
