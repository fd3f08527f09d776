import type { AgentConfig } from '@/lib/contracts/agent-config';
import { prefetchRealtimeSdk } from '@/lib/realtime/session/sdk-loader';
import { whenIdle } from '@/lib/shared/when-idle';

/**
 * The agent configs for the live page's Connect, loaded on demand: the registry validates
 * every config with zod at import, and the page does not need any of it before a call.
 * Fetched with the realtime SDK while the page is idle, or when the pointer or focus comes to
 * Connect; a failed download is forgotten,
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

/** Warm up what Connect needs (the realtime SDK and the agent configs): on hover/focus of Connect. */
export function prefetchLiveCall(): void {
  prefetchRealtimeSdk();
  loadRegistry().catch(() => undefined);
}

/** The same, once the page has loaded and is idle. Returns a cancel function (unmount). */
export function prefetchLiveCallWhenIdle(): () => void {
  return whenIdle(prefetchLiveCall);
}
