import { whenIdle } from '@/lib/shared/when-idle';

/**
 * Loads the call runtime (call-runtime.ts) on demand; shared by every caller. A failed
 * download is forgotten, so the next Start call tries again (and says so if it fails).
 */
export type CallRuntime = typeof import('./call-runtime');

let loading: Promise<CallRuntime> | null = null;

export function loadCallRuntime(): Promise<CallRuntime> {
  loading ??= import('./call-runtime').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Warm it while the user reads the page. Returns a cancel function (unmount). */
export function prefetchCallRuntimeWhenIdle(): () => void {
  return whenIdle(() => void loadCallRuntime().catch(() => undefined));
}
