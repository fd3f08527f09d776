'use client';

import { useCallback, useEffect, useRef } from 'react';

/** Keep a scroll box at its bottom as content grows, unless the reader scrolled up. */
export function usePinnedScroll<T extends HTMLElement>(trigger: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [trigger]);
  return { ref, onScroll };
}
