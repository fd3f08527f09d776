import { useEffect } from 'react';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

/**
 * While a call is connected (or reconnecting), leaving or reloading the page asks first: the
 * browser shows its own "Leave site?" prompt. The transcript itself is kept either way.
 */
export function useLeaveWarning(): void {
  const active = useRealtimeStore((s) => s.connection !== 'disconnected');
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
