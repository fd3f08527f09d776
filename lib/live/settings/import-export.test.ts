import { describe, expect, it } from 'vitest';
import { cloneDefaultSettings, defaultHintSettings, HINT_SETTINGS_KEYS } from './schema';
import { parseSettingsFile, serializeSettings } from './import-export';

describe('serializeSettings / parseSettingsFile', () => {
  it('round-trips the settings exactly', () => {
    const settings = cloneDefaultSettings();
    settings.cooldownSeconds = 4;
    settings.triggers.push({ phrase: 'how would you', action: 'full' });
    const text = serializeSettings(settings);
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings });
  });

  it('writes pretty JSON in schema field order with a trailing newline', () => {
    const text = serializeSettings(defaultHintSettings);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    expect(Object.keys(JSON.parse(text))).toEqual(HINT_SETTINGS_KEYS);
  });

  it('accepts a UTF-8 BOM and surrounding whitespace', () => {
    expect(parseSettingsFile(`\uFEFF\n ${serializeSettings(defaultHintSettings)} \n`).ok).toBe(true);
  });
});

describe('parseSettingsFile errors', () => {
  it('gives bad JSON its own error', () => {
    const result = parseSettingsFile('{ "version": 1, ');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.path).toBe('');
      expect(result.errors[0]?.message).toMatch(/^The file is not valid JSON \(.+\)$/);
    }
  });

  it.each([
    ['', 'The file is empty'],
    ['   \n', 'The file is empty'],
    ['[1, 2]', 'The file must contain one JSON object of settings'],
    ['"settings"', 'The file must contain one JSON object of settings'],
    ['null', 'The file must contain one JSON object of settings'],
  ])('%j -> %s', (text, message) => {
    expect(parseSettingsFile(text)).toEqual({ ok: false, errors: [{ path: '', message }] });
  });

  it('refuses oversized files before parsing', () => {
    const result = parseSettingsFile(' '.repeat(100_001));
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'The file is too large for a settings file (over 100 KB)' }] });
  });

  it('lists every invalid field by dotted path and carries no settings', () => {
    const data = {
      ...cloneDefaultSettings(),
      triggers: [
        { phrase: 'good question', action: 'quick' },
        { phrase: 'g', action: 'quick' },
      ],
      cooldownSeconds: 'ten',
      voice: 'robot',
      colour: 'blue',
    };
    const result = parseSettingsFile(JSON.stringify(data));
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'triggers.1.phrase', message: 'Use at least 2 characters' },
        { path: 'cooldownSeconds', message: 'Cooldown must be a number' },
        { path: 'voice', message: 'Pick one of the listed voices' },
        { path: 'colour', message: 'Unknown setting: not part of this app’s settings' },
        { path: 'doNotTrigger.1', message: 'Contains no trigger phrase, so it can never block one' },
      ],
    });
    expect('settings' in result).toBe(false);
  });
});
