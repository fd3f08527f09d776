'use client';

import { useEffect, useRef } from 'react';

/**
 * While `active`, a click on an in-app link (the top nav, "Back to scenarios"...) does not
 * navigate: `onBlocked(href)` is called instead, so the page can ask first. Listens on
 * window in the capture phase, before Next's <Link> handler (React listens on the root).
 * New-tab clicks, downloads and other origins pass through untouched.
 */
export function useLinkGuard(active: boolean, onBlocked: (href: string) => void): void {
  const callback = useRef(onBlocked);
  useEffect(() => {
    callback.current = onBlocked;
  });
  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return;
      if (anchor.target && anchor.target !== '_self') return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      event.preventDefault();
      event.stopPropagation();
      callback.current(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [active]);
}

/** The browser's own "Leave site?" prompt on reload or close while `active`. */
export function useUnloadWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium builds still need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
