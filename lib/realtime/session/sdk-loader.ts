/**
 * Loads the realtime SDK chunk (./sdk.ts) on demand. The first call starts the download;
 * later calls share it. A failed download is forgotten, so the next Connect tries again.
 * Pages warm it with `prefetchRealtimeSdk` while the user reads (when idle, on hover/focus of
 * Connect), so connecting does not wait for it.
 */

export type RealtimeSdk = typeof import('./sdk');

let loading: Promise<RealtimeSdk> | null = null;

export function loadRealtimeSdk(): Promise<RealtimeSdk> {
  loading ??= import('./sdk').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Start loading now; a failure is reported by the Connect that needs the SDK, not here. */
export function prefetchRealtimeSdk(): void {
  loadRealtimeSdk().catch(() => undefined);
}
