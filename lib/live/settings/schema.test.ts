import { describe, expect, it } from 'vitest';
import {
  cloneDefaultSettings,
  defaultHintSettings,
  HINT_SETTINGS_KEYS,
  hintSettingsSchema,
  hintSettingsShape,
  settingsFieldErrors,
  settingsIssues,
  type HintSettings,
} from './schema';

function errorsFor(patch: Partial<Record<keyof HintSettings, unknown>> & Record<string, unknown>): Record<string, string> {
  const result = hintSettingsSchema.safeParse({ ...cloneDefaultSettings(), ...patch });
  if (result.success) return {};
  return settingsFieldErrors(result.error);
}

describe('hintSettingsSchema defaults', () => {
  it('lists every schema field, in the schema’s order (the zod-free copy in defaults.ts)', () => {
    expect(HINT_SETTINGS_KEYS).toEqual(Object.keys(hintSettingsShape));
  });

  it('accepts the defaults and returns an equal object', () => {
    expect(hintSettingsSchema.parse(defaultHintSettings)).toEqual(defaultHintSettings);
  });

  it('has the documented default values', () => {
    expect(defaultHintSettings).toMatchObject({
      version: 1,
      interruptPhrases: ['got it', 'thanks', 'okay stop'],
      quickSeconds: 8,
      fullSeconds: 30,
      quickContextSize: 3,
      fullContextSize: 10,
      cooldownSeconds: 10,
      perCallCap: 20,
      transport: 'webrtc',
      inputSource: 'microphone',
      model: 'gpt-realtime-2.1',
      tracing: false,
    });
    expect(defaultHintSettings.triggers).toContainEqual({ phrase: 'good question', action: 'quick' });
    expect(defaultHintSettings.triggers).toContainEqual({ phrase: 'walk me through', action: 'full' });
  });

  it('is deeply frozen, and clones are editable', () => {
    expect(Object.isFrozen(defaultHintSettings.triggers[0])).toBe(true);
    const copy = cloneDefaultSettings();
    copy.triggers.push({ phrase: 'x', action: 'quick' });
    expect(defaultHintSettings.triggers).toHaveLength(5);
  });
});

describe('field rules', () => {
  it('trims phrases and bounds their length', () => {
    const parsed = hintSettingsSchema.parse({ ...cloneDefaultSettings(), interruptPhrases: ['  got it  '] });
    expect(parsed.interruptPhrases).toEqual(['got it']);
    expect(errorsFor({ interruptPhrases: ['a'] })).toEqual({ 'interruptPhrases.0': 'Use at least 2 characters' });
    expect(errorsFor({ interruptPhrases: ['x'.repeat(61)] })).toEqual({ 'interruptPhrases.0': 'Use at most 60 characters' });
  });

  it('rejects phrases that are empty after normalisation', () => {
    expect(errorsFor({ interruptPhrases: ['?!...'] })['interruptPhrases.0']).toMatch(/at least one real word/);
    expect(errorsFor({ interruptPhrases: ['um uh'] })['interruptPhrases.0']).toMatch(/at least one real word/);
  });

  it('reports trigger rows by dotted path', () => {
    const errors = errorsFor({
      triggers: [
        { phrase: 'good question', action: 'quick' },
        { phrase: 'x', action: 'quick' },
        { phrase: 'walk me through', action: 'long' },
      ],
      doNotTrigger: [],
    });
    expect(errors).toEqual({
      'triggers.1.phrase': 'Use at least 2 characters',
      'triggers.2.action': 'Pick Quick hint or Full guidance',
    });
  });

  it.each([
    ['quickSeconds', 1, 'Quick hint length must be at least 2 s'],
    ['quickSeconds', 31, 'Quick hint length must be at most 30 s'],
    ['quickSeconds', 7.5, 'Quick hint length must be a whole number'],
    ['fullSeconds', 121, 'Full guidance length must be at most 120 s'],
    ['quickContextSize', 0, 'Quick hint context must be at least 1 messages'],
    ['fullContextSize', 51, 'Full guidance context must be at most 50 messages'],
    ['cooldownSeconds', -1, 'Cooldown must be at least 0 s'],
    ['perCallCap', 501, 'Hints per call must be at most 500'],
    ['perCallCap', '20', 'Hints per call must be a number'],
    ['cooldownSeconds', Number.NaN, 'Cooldown must be a number'],
    ['voice', 'robot', 'Pick one of the listed voices'],
    ['model', 'gpt-3', 'Pick one of the listed models'],
    ['transport', 'carrier-pigeon', 'Pick WebRTC or WebSocket'],
    ['inputSource', 'tab', 'Pick Microphone or Microphone + tab audio'],
    ['version', 2, 'Unsupported settings version (this app reads version 1)'],
  ])('%s = %j -> %s', (key, value, message) => {
    expect(errorsFor({ [key]: value })).toEqual({ [key]: message });
  });

  it('accepts the edges of each range, and 0 as an unlimited cap', () => {
    expect(errorsFor({ quickSeconds: 2, fullSeconds: 120, quickContextSize: 1, fullContextSize: 50, cooldownSeconds: 0, perCallCap: 0 })).toEqual({});
  });

  it('caps list lengths', () => {
    const many = Array.from({ length: 21 }, (_, i) => `stop number ${i + 100}`);
    expect(errorsFor({ interruptPhrases: many })).toEqual({ interruptPhrases: 'At most 20 interrupt phrases' });
  });

  it('reports unknown keys one by one', () => {
    const result = hintSettingsSchema.safeParse({ ...cloneDefaultSettings(), cooldownSecs: 5, extra: true });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(settingsIssues(result.error)).toEqual([
        { path: 'cooldownSecs', message: 'Not a setting of this app (check the spelling)' },
        { path: 'extra', message: 'Not a setting of this app (check the spelling)' },
      ]);
    }
  });

  it('reads a settings file from before the tracing switch as tracing off, and refuses a non-boolean', () => {
    const { tracing: _omit, ...older } = cloneDefaultSettings();
    expect(hintSettingsSchema.parse(older).tracing).toBe(false);
    const bad = hintSettingsSchema.safeParse({ ...cloneDefaultSettings(), tracing: 'yes' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(settingsFieldErrors(bad.error)).toEqual({ tracing: 'Tracing must be on (true) or off (false)' });
  });

  it('keeps a deprecated model selectable (a saved choice stays valid until OpenAI shuts it down)', () => {
    expect(hintSettingsSchema.parse({ ...cloneDefaultSettings(), model: 'gpt-realtime-mini' }).model).toBe('gpt-realtime-mini');
  });

  it('reports missing fields', () => {
    const { cooldownSeconds: _omit, ...rest } = cloneDefaultSettings();
    const result = hintSettingsSchema.safeParse(rest);
    expect(result.success).toBe(false);
    if (!result.success) expect(settingsFieldErrors(result.error)).toEqual({ cooldownSeconds: 'Cooldown is missing' });
  });
});

describe('cross-field rules', () => {
  it('flags duplicate phrases after normalisation, naming the first row', () => {
    expect(
      errorsFor({
        triggers: [
          { phrase: 'Good question', action: 'quick' },
          { phrase: 'good question!', action: 'full' },
        ],
        doNotTrigger: [],
        interruptPhrases: ['got it', 'Got it.', 'OK stop', 'okay stop'],
      }),
    ).toEqual({
      'triggers.1.phrase': 'Duplicate of trigger 1 ("good question")',
      'interruptPhrases.1': 'Duplicate of interrupt phrase 1 ("got it")',
      'interruptPhrases.3': 'Duplicate of interrupt phrase 3 ("okay stop")',
    });
  });

  it('refuses a phrase that is both a trigger and an interrupt phrase, on both rows', () => {
    expect(errorsFor({ interruptPhrases: ['got it', "That's a good question"], triggers: [{ phrase: 'that is a good question', action: 'quick' }], doNotTrigger: [] })).toEqual({
      'triggers.0.phrase': 'Also interrupt phrase 2: a phrase cannot both start and stop a hint',
      'interruptPhrases.1': 'Also trigger 1: a phrase cannot both start and stop a hint',
    });
  });

  it('refuses a trigger shadowed by a shorter trigger that completes first', () => {
    const errors = errorsFor({
      triggers: [
        { phrase: 'walk me', action: 'quick' },
        { phrase: 'walk me through', action: 'full' },
        { phrase: 'question', action: 'quick' },
        { phrase: 'really good question', action: 'full' },
      ],
      doNotTrigger: [],
    });
    // "really good question" ends with "question": both complete on the same word, the longer wins -> allowed.
    expect(errors).toEqual({ 'triggers.1.phrase': 'Never fires: trigger 1 ("walk me") completes first' });
  });

  it('checks do-not-trigger phrases against the triggers', () => {
    expect(errorsFor({ doNotTrigger: ['not a good question', 'good question', 'off the record'] })).toEqual({
      'doNotTrigger.1': 'Same as trigger 1: it would block that trigger completely; remove one of them',
      'doNotTrigger.2': 'Contains no trigger phrase, so it can never block one',
    });
  });

  it('refuses a quick hint longer than full guidance', () => {
    expect(errorsFor({ quickSeconds: 20, fullSeconds: 10 })).toEqual({
      quickSeconds: 'A quick hint cannot be longer than full guidance (10 s)',
    });
  });
});
