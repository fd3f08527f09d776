import type { TriggerSuppression } from './trigger-types';

/** Words for the hint controls and the event log. */
export function suppressionText(s: TriggerSuppression, cap: number | null): string | null {
  const what = s.phrase ? `"${s.phrase}"` : s.action === 'full' ? 'Full guidance' : 'Quick hint';
  switch (s.reason) {
    case 'do_not_trigger':
      return `${what} did not fire: "${s.blockedBy ?? ''}" is a do-not-trigger phrase.`;
    case 'cooldown':
      return `${what} did not fire: cooldown, ${Math.ceil((s.retryInMs ?? 0) / 1000)} s left.`;
    case 'cap_reached':
      return `Hint limit reached for this call${cap ? ` (${cap})` : ''}: ${what} did not fire.`;
    case 'debounce':
      return null;
  }
}

export function interruptedText(by: string | null): string {
  switch (by) {
    case null:
      return 'Interrupted';
    case 'button':
      return 'Interrupted (button)';
    case 'shortcut':
      return 'Interrupted (Esc)';
    case 'connection':
      return 'Cut off: the connection dropped';
    case 'disconnect':
      return 'Cut off: disconnected';
    case 'reload':
      return 'Cut off: the page reloaded';
    default:
      return `Interrupted ("${by}")`;
  }
}
