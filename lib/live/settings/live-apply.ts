import { HINT_SETTINGS_KEYS, type HintSettings, type HintSettingsKey } from './schema';

/**
 * When a changed setting takes effect in a running session.
 * - 'live': read on the client for every delta / hint (matchers, hint request builder, cooldown, cap):
 *   apply with `triggerMatcher.updateSettings(...)` etc. — no reconnect.
 * - 'reconnect': fixed for the session. The model and transport are chosen at connect, the input
 *   stream is handed to the transport at connect, and the Realtime API refuses a voice change once
 *   the model has spoken in the session. They apply from the next connection.
 */
export const SETTING_APPLIES: Readonly<Record<HintSettingsKey, 'live' | 'reconnect'>> = {
  version: 'live',
  triggers: 'live',
  doNotTrigger: 'live',
  interruptPhrases: 'live',
  quickSeconds: 'live',
  fullSeconds: 'live',
  quickContextSize: 'live',
  fullContextSize: 'live',
  cooldownSeconds: 'live',
  perCallCap: 'live',
  voice: 'reconnect',
  model: 'reconnect',
  transport: 'reconnect',
  inputSource: 'reconnect',
  tracing: 'reconnect',
};

export type SettingsChangeImpact = {
  changed: HintSettingsKey[];
  /** Changed and applied to the running session at once. */
  live: HintSettingsKey[];
  /** Changed but only effective after reconnecting. */
  needsReconnect: HintSettingsKey[];
};

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Which settings differ between `prev` and `next`, split by when they take effect. */
export function settingsChangeImpact(prev: HintSettings, next: HintSettings): SettingsChangeImpact {
  const changed = HINT_SETTINGS_KEYS.filter((k) => !same(prev[k], next[k]));
  return {
    changed,
    live: changed.filter((k) => SETTING_APPLIES[k] === 'live'),
    needsReconnect: changed.filter((k) => SETTING_APPLIES[k] === 'reconnect'),
  };
}
