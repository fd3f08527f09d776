import { describe, expect, it } from 'vitest';
import { cloneDefaultSettings, defaultHintSettings } from '@/lib/live/settings/schema';
import { validateSettings } from './settings';

describe('validateSettings (server action)', () => {
  it('returns the parsed settings', async () => {
    const input = { ...cloneDefaultSettings(), interruptPhrases: [' got it '] };
    expect(await validateSettings(input)).toEqual({ ok: true, data: { ...cloneDefaultSettings(), interruptPhrases: ['got it'] } });
  });

  it('refuses invalid settings with invalid_settings and per-field errors', async () => {
    const result = await validateSettings({ ...defaultHintSettings, perCallCap: -1, evil: '<script>' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_settings',
        message: 'The settings are not valid: 2 fields to fix.',
        fieldErrors: [
          { path: 'perCallCap', message: 'Hints per call must be at least 0' },
          { path: 'evil', message: 'Not a setting of this app (check the spelling)' },
        ],
      },
    });
  });

  it('reports a non-object at the root', async () => {
    const result = await validateSettings('settings please');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_settings');
      expect(result.error.fieldErrors?.[0]?.path).toBe('(root)');
      expect(result.error.message).toBe('The settings are not valid: 1 field to fix.');
    }
  });
});
