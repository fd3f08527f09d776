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
