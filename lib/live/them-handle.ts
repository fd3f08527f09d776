import type { ThemChannel } from './them-channel';

/**
 * The live page's "them" channel, loaded on demand (its code is not in the page's first load):
 * `load` once (a failed download is forgotten, so the next try downloads again), `stop` whatever
 * was loaded.
 */
export type ThemHandle = { load(): Promise<ThemChannel>; loaded(): ThemChannel | null; stop(): void };

export function themHandle(create: () => Promise<ThemChannel>): ThemHandle {
  let loading: Promise<ThemChannel> | null = null;
  let channel: ThemChannel | null = null;
  return {
    load: () =>
      (loading ??= create().then(
        (c) => (channel = c),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
    loaded: () => channel,
    stop: () => channel?.stop(),
  };
}
