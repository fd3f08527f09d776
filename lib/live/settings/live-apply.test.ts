import { describe, expect, it } from 'vitest';
import { settingsChangeImpact, SETTING_APPLIES } from './live-apply';
import { cloneDefaultSettings, HINT_SETTINGS_KEYS } from './schema';

describe('settingsChangeImpact', () => {
  it('reports nothing for equal settings (deep equality)', () => {
    expect(settingsChangeImpact(cloneDefaultSettings(), cloneDefaultSettings())).toEqual({ changed: [], live: [], needsReconnect: [] });
  });

  it('splits changes into live and reconnect-only', () => {
    const next = { ...cloneDefaultSettings(), cooldownSeconds: 3, voice: 'cedar' as const, transport: 'websocket' as const };
    next.triggers = [...next.triggers, { phrase: 'one more thing', action: 'quick' }];
    expect(settingsChangeImpact(cloneDefaultSettings(), next)).toEqual({
      changed: ['triggers', 'cooldownSeconds', 'voice', 'transport'],
      live: ['triggers', 'cooldownSeconds'],
      needsReconnect: ['voice', 'transport'],
    });
  });

  it('classifies every settings key', () => {
    expect(Object.keys(SETTING_APPLIES).sort()).toEqual([...HINT_SETTINGS_KEYS].sort());
  });
});
