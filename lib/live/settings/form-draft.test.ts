import { describe, expect, it } from 'vitest';
import { draftToInput, parseNumberInput, toDraft, validateDraft } from './form-draft';
import { cloneDefaultSettings, defaultHintSettings } from './schema';

describe('settings form draft', () => {
  it('round-trips the settings through the draft', () => {
    const draft = toDraft(defaultHintSettings);
    expect(draft.cooldownSeconds).toBe('10');
    expect(validateDraft(draft)).toEqual({ ok: true, settings: defaultHintSettings });
  });

  it('copies lists so editing the draft never touches the settings', () => {
    const settings = cloneDefaultSettings();
    const draft = toDraft(settings);
    draft.triggers[0]!.phrase = 'changed';
    draft.interruptPhrases.push('enough');
    expect(settings.triggers[0]?.phrase).toBe('good question');
    expect(settings.interruptPhrases).toHaveLength(3);
  });

  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['2.5', 2.5],
    ['-1', -1],
    ['', Number.NaN],
    ['1e3', Number.NaN],
    ['12abc', Number.NaN],
  ])('parseNumberInput(%j) = %d', (text, value) => {
    expect(parseNumberInput(text)).toBe(value);
  });

  it('reports per-field errors by dotted path, including cross-field ones', () => {
    const draft = toDraft(defaultHintSettings);
    draft.cooldownSeconds = '';
    draft.quickSeconds = '2.5';
    draft.triggers.push({ phrase: 'Good question!', action: 'full' });
    draft.interruptPhrases[1] = 'g';
    expect(validateDraft(draft)).toEqual({
      ok: false,
      errors: {
        'triggers.5.phrase': 'Duplicate of trigger 1 ("good question")',
        'interruptPhrases.1': 'Use at least 2 characters',
        quickSeconds: 'Quick hint length must be a whole number',
        cooldownSeconds: 'Cooldown must be a number',
      },
    });
  });

  it('builds schema input with the version and numbers', () => {
    expect(draftToInput(toDraft(defaultHintSettings))).toMatchObject({ version: 1, quickSeconds: 8, perCallCap: 20 });
  });
});
