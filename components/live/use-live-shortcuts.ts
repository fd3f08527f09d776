import { useEffect, useRef } from 'react';

export type LiveShortcutHandlers = {
  quickHint: () => void;
  fullGuidance: () => void;
  interrupt: () => void;
  toggleMute: () => void;
};

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/**
 * H = Quick Hint, G = Full Guidance, M = mute, Esc = interrupt. Letters are ignored while
 * typing (and with modifier keys); Esc works everywhere except inside a dialog, which uses
 * it to close. `enabled: false` (e.g. while the settings dialog is open) turns all off.
 */
export function useLiveShortcuts(handlers: LiveShortcutHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      const h = ref.current;
      if (e.key === 'Escape') {
        h.interrupt();
        return;
      }
      if (isTextEntry(e.target) || e.repeat) return;
      const key = e.key.toLowerCase();
      const action = key === 'h' ? h.quickHint : key === 'g' ? h.fullGuidance : key === 'm' ? h.toggleMute : null;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
