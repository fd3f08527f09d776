import { HINT_ASSISTANT_MODEL, HINT_ASSISTANT_VOICE } from '@/agents/prompts/hint-assistant';
import type { HintSettings, HintSettingsKey } from './schema';

/**
 * The settings vocabulary, bounds and defaults as plain data. The live page reads these
 * from first load; THE schema (schema.ts, zod) loads with the settings panel and with the
 * first read of the stored copy (see codec-loader.ts), so zod is not on the first load.
 */
export const SETTINGS_VERSION = 1 as const;

export const HINT_KINDS = ['quick', 'full'] as const;
export type HintKind = (typeof HINT_KINDS)[number];
export const TRANSPORTS = ['webrtc', 'websocket'] as const;
export const INPUT_SOURCES = ['microphone', 'microphone+tab'] as const;

/** Bounds, shared with the form (min/max attributes) and the docs. */
export const SETTINGS_LIMITS = {
  phraseChars: { min: 2, max: 60 },
  triggers: 30,
  doNotTrigger: 30,
  interruptPhrases: 20,
  quickSeconds: { min: 2, max: 30 },
  fullSeconds: { min: 5, max: 120 },
  contextSize: { min: 1, max: 50 },
  cooldownSeconds: { min: 0, max: 600 },
  /** 0 means unlimited. */
  perCallCap: { min: 0, max: 500 },
} as const;

/** Every settings field, in the schema's field order (schema.test.ts pins the two together). */
const FIELDS: Record<HintSettingsKey, true> = {
  version: true,
  triggers: true,
  doNotTrigger: true,
  interruptPhrases: true,
  quickSeconds: true,
  fullSeconds: true,
  quickContextSize: true,
  fullContextSize: true,
  cooldownSeconds: true,
  perCallCap: true,
  voice: true,
  model: true,
  transport: true,
  inputSource: true,
  tracing: true,
};
export const HINT_SETTINGS_KEYS = Object.keys(FIELDS) as HintSettingsKey[];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The defaults (deeply frozen: copy with `cloneDefaultSettings()` before editing). */
export const defaultHintSettings: HintSettings = deepFreeze<HintSettings>({
  version: SETTINGS_VERSION,
  triggers: [
    { phrase: 'good question', action: 'quick' },
    { phrase: 'great question', action: 'quick' },
    { phrase: 'let me think about that', action: 'quick' },
    { phrase: 'walk me through', action: 'full' },
    { phrase: 'tell me more about', action: 'full' },
  ],
  doNotTrigger: ['not a good question', 'not a great question'],
  interruptPhrases: ['got it', 'thanks', 'okay stop'],
  quickSeconds: 8,
  fullSeconds: 30,
  quickContextSize: 3,
  fullContextSize: 10,
  cooldownSeconds: 10,
  perCallCap: 20,
  voice: HINT_ASSISTANT_VOICE,
  model: HINT_ASSISTANT_MODEL,
  transport: 'webrtc',
  inputSource: 'microphone',
  tracing: false,
});

/** A fresh, mutable copy of the defaults. */
export function cloneDefaultSettings(): HintSettings {
  return structuredClone(defaultHintSettings) as HintSettings;
}

