import { useCallback, useEffect, useRef } from 'react';

/**
 * Keep a scroll container pinned to its bottom while new content arrives, unless the user
 * scrolled up to read; scrolling back to the bottom re-pins it. Returns the ref and onScroll.
 */
export function useStickToBottom<T extends HTMLElement>(trigger: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [trigger]);

  return { ref, onScroll };
}
