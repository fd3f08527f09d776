import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Within this many px of the bottom counts as "at the bottom". */
const PIN_SLACK_PX = 48;

/**
 * Keep a scroll container pinned to its bottom while content arrives, unless the user
 * scrolled up to read (then `pinned` is false and the page offers "jump to latest");
 * scrolling back down, or `jumpToLatest()`, pins it again.
 */
export function useStickToBottom<T extends HTMLElement>(ref: RefObject<T | null>, trigger: unknown) {
  const pinnedRef = useRef(true);
  const [pinned, setPinned] = useState(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < PIN_SLACK_PX;
    if (atBottom === pinnedRef.current) return;
    pinnedRef.current = atBottom;
    setPinned(atBottom);
  }, [ref]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinnedRef.current) el.scrollTop = el.scrollHeight;
  }, [trigger, ref]);

  const jumpToLatest = useCallback(() => {
    pinnedRef.current = true;
    setPinned(true);
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [ref]);

  return { pinned, onScroll, jumpToLatest };
}
