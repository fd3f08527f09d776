import { describe, expect, it } from 'vitest';
import { cloneDefaultSettings, defaultHintSettings, HINT_SETTINGS_KEYS } from './schema';
import { importSummary, parseSettingsFile, serializeSettings, type ImportedSettings } from './import-export';

const current = () => {
  const s = cloneDefaultSettings();
  s.cooldownSeconds = 25;
  s.voice = 'cedar';
  return s;
};

describe('serializeSettings / parseSettingsFile', () => {
  it('round-trips the settings exactly', () => {
    const settings = cloneDefaultSettings();
    settings.cooldownSeconds = 4;
    settings.triggers.push({ phrase: 'how would you', action: 'full' });
    const result = parseSettingsFile(serializeSettings(settings), current());
    expect(result).toMatchObject({ ok: true, settings, complete: true });
    expect((result as ImportedSettings).applied).toEqual(HINT_SETTINGS_KEYS.filter((k) => k !== 'version'));
  });

  it('writes pretty JSON in schema field order with a trailing newline', () => {
    const text = serializeSettings(defaultHintSettings);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    expect(Object.keys(JSON.parse(text))).toEqual(HINT_SETTINGS_KEYS);
  });

  it('accepts a UTF-8 BOM and surrounding whitespace', () => {
    expect(parseSettingsFile(`\uFEFF\n ${serializeSettings(defaultHintSettings)} \n`, current()).ok).toBe(true);
  });
});

describe('parseSettingsFile: a partial file', () => {
  it('applies the fields it has, keeps the rest, and says which were applied', () => {
    const result = parseSettingsFile(JSON.stringify({ cooldownSeconds: 3, interruptPhrases: ['stop please'] }), current());
    expect(result.ok).toBe(true);
    const ok = result as ImportedSettings;
    expect(ok.applied).toEqual(['interruptPhrases', 'cooldownSeconds']);
    expect(ok.complete).toBe(false);
    expect(ok.settings).toEqual({ ...current(), cooldownSeconds: 3, interruptPhrases: ['stop please'] });
    expect(importSummary(ok, 'mine.json')).toBe('Imported from mine.json and saved: Interrupt phrases, Cooldown. The other settings were kept.');
  });

  it('validates the fields it has, and the result as a whole, against the current settings', () => {
    const bad = parseSettingsFile(JSON.stringify({ quickSeconds: 'eight' }), current());
    expect(bad).toEqual({ ok: false, errors: [{ path: 'quickSeconds', message: 'Quick hint length must be a number', text: 'Quick hint length must be a number' }] });
    // A trigger that equals a kept interrupt phrase: both sides are named, the kept one as such.
    const clash = parseSettingsFile(JSON.stringify({ triggers: [{ phrase: 'Got it', action: 'quick' }], doNotTrigger: [] }), current());
    expect(clash.ok).toBe(false);
    if (!clash.ok) {
      expect(clash.errors.map((e) => e.text)).toEqual([
        'Trigger phrase 1: also interrupt phrase 1: a phrase cannot both start and stop a hint',
        'Interrupt phrase 1 (your current setting): also trigger 1: a phrase cannot both start and stop a hint',
      ]);
    }
  });

  it('a file with only a version, or with nothing, is refused in words', () => {
    const message = 'The file has none of this app’s settings. Export your settings to see the format.';
    expect(parseSettingsFile('{"version": 1}', current())).toEqual({ ok: false, errors: [{ path: '', message, text: message }] });
    expect(parseSettingsFile('{}', current())).toEqual({ ok: false, errors: [{ path: '', message, text: message }] });
  });

  it('an unsupported version is an error even in a partial file', () => {
    const result = parseSettingsFile(JSON.stringify({ version: 2, cooldownSeconds: 3 }), current());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.text).toBe('Settings version: unsupported settings version (this app reads version 1)');
  });
});

describe('parseSettingsFile errors', () => {
  it('gives bad JSON its own error', () => {
    const result = parseSettingsFile('{ "version": 1, ', current());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.path).toBe('');
      expect(result.errors[0]?.text).toMatch(/^The file is not valid JSON \(.+\)$/);
    }
  });

  it.each([
    ['', 'The file is empty'],
    ['   \n', 'The file is empty'],
    ['[1, 2]', 'The file must contain one JSON object of settings'],
    ['"settings"', 'The file must contain one JSON object of settings'],
    ['null', 'The file must contain one JSON object of settings'],
  ])('%j -> %s', (text, message) => {
    expect(parseSettingsFile(text, current())).toEqual({ ok: false, errors: [{ path: '', message, text: message }] });
  });

  it('refuses oversized files before parsing', () => {
    const result = parseSettingsFile(' '.repeat(100_001), current());
    expect(result).toMatchObject({ ok: false, errors: [{ path: '', message: 'The file is too large for a settings file (over 100 KB)' }] });
  });

  it('lists every problem once, by the field’s label, and carries no settings', () => {
    const data = {
      ...cloneDefaultSettings(),
      triggers: [
        { phrase: 'good question', action: 'quick' },
        { phrase: 'g', action: 'shout' },
        'walk me through',
      ],
      cooldownSeconds: 'ten',
      voice: 'robot',
      colour: 'blue',
    };
    const result = parseSettingsFile(JSON.stringify(data), current());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.text)).toEqual([
      'Trigger phrase 2: use at least 2 characters',
      'Trigger phrase 2, action: pick Quick hint or Full guidance',
      'Trigger phrase 3: needs a phrase and an action ("quick" or "full")',
      'Cooldown must be a number',
      'Voice: pick one of the listed voices',
      'Do-not-trigger phrase 2: contains no trigger phrase, so it can never block one',
      '“colour”: not a setting of this app (check the spelling)',
    ]);
    // No raw validator paths in the words shown.
    for (const e of result.errors) expect(e.text).not.toMatch(/triggers\.|cooldownSeconds|doNotTrigger/);
    expect('settings' in result).toBe(false);
  });
});
