import { describe, expect, it } from 'vitest';
import { coerceSettings } from './coerce';
import { cloneDefaultSettings, defaultHintSettings, HINT_SETTINGS_KEYS } from './schema';

describe('coerceSettings', () => {
  it('keeps valid settings as they are', () => {
    const stored = { ...cloneDefaultSettings(), cooldownSeconds: 3, voice: 'cedar' };
    expect(coerceSettings(stored)).toEqual({ settings: stored, repaired: [] });
  });

  it('replaces only the invalid or missing fields with defaults', () => {
    const stored: Record<string, unknown> = { ...cloneDefaultSettings(), cooldownSeconds: 3, perCallCap: -4, voice: 'robot', junk: 1 };
    delete stored.fullSeconds;
    const { settings, repaired } = coerceSettings(stored);
    expect(settings).toEqual({ ...cloneDefaultSettings(), cooldownSeconds: 3 });
    expect(repaired.sort()).toEqual(['fullSeconds', 'perCallCap', 'voice']);
    expect('junk' in settings).toBe(false);
  });

  it('resets the fields named by a cross-field rule until the whole object is valid', () => {
    // Each list is valid alone, but the stored interrupt phrase clashes with the default trigger
    // once the (invalid) stored triggers are reset.
    const stored = { ...cloneDefaultSettings(), triggers: 'nope', interruptPhrases: ['good question'] };
    const { settings, repaired } = coerceSettings(stored);
    expect(settings.triggers).toEqual(defaultHintSettings.triggers);
    expect(settings.interruptPhrases).toEqual(defaultHintSettings.interruptPhrases);
    expect(repaired.sort()).toEqual(['interruptPhrases', 'triggers']);
  });

  it('repairs a quick length longer than the full length', () => {
    const { settings, repaired } = coerceSettings({ ...cloneDefaultSettings(), quickSeconds: 25, fullSeconds: 20 });
    expect(settings.quickSeconds).toBe(8);
    expect(settings.fullSeconds).toBe(20);
    expect(repaired).toEqual(['quickSeconds']);
  });

  it.each([null, undefined, 'x', 42, [1]])('falls back to all defaults for %j', (raw) => {
    const { settings, repaired } = coerceSettings(raw);
    expect(settings).toEqual(defaultHintSettings);
    expect(repaired).toEqual(HINT_SETTINGS_KEYS);
  });

  it('returns a mutable copy, never the frozen defaults', () => {
    const { settings } = coerceSettings(null);
    expect(Object.isFrozen(settings.triggers)).toBe(false);
  });
});
