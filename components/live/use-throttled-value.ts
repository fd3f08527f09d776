import { useEffect, useState } from 'react';
import type { RealtimeState } from '@/lib/realtime/store/store';
import { useRealtimeStoreApi } from '@/lib/realtime/store/use-realtime-store';

/**
 * A store value for a component that need not follow every change (the event log): it
 * re-renders at most every `ms` (trailing), and a change in between costs one comparison,
 * not a render. `selector` must be stable (a module-level function).
 */
export function useThrottledStoreValue<T>(selector: (state: RealtimeState) => T, ms: number): T {
  const store = useRealtimeStoreApi();
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const flush = () => {
      timer = undefined;
      last = Date.now();
      setValue(() => selector(store.getState()));
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (timer !== undefined || selector(state) === selector(prev)) return;
      timer = setTimeout(flush, Math.max(0, last + ms - Date.now()));
    });
    flush();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, selector, ms]);
  return value;
}
