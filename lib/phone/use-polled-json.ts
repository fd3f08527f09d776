'use client';

import { useEffect, useState } from 'react';

/**
 * The live view's refresh: fetch `url` every `intervalMs` while `active`, keeping the last good
 * answer and saying when a refresh failed (the page keeps what it shows and says it is stale).
 */
export function usePolledJson<T>(url: string, initial: T, { intervalMs = 1000, active = true } = {}): { data: T; stale: boolean } {
  const [state, setState] = useState<{ data: T; stale: boolean; url: string }>({ data: initial, stale: false, url });
  if (state.url !== url) setState({ data: initial, stale: false, url });
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const data = (await res.json()) as T;
        if (!stopped) setState({ data, stale: false, url });
      } catch {
        if (!stopped) setState((s) => ({ ...s, stale: true }));
      }
    };
    const timer = setInterval(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [url, intervalMs, active]);
  return { data: state.data, stale: state.stale };
}
