import { z } from 'zod';
import { REALTIME_MODELS, VOICES } from '@/lib/contracts/agent-config';
import { normalizeWords } from '@/lib/live/hints/normalize';
import { checkCrossFieldRules } from './cross-field-rules';
import { HINT_KINDS, INPUT_SOURCES, SETTINGS_LIMITS, SETTINGS_VERSION, TRANSPORTS } from './defaults';

/**
 * THE settings schema of the live hint assistant. One schema validates the
 * settings form, an imported settings file, the persisted copy and the
 * server action. Field paths (e.g. "triggers.1.phrase") are the keys of
 * `settingsFieldErrors` and of the form's `field-error-<path>` test ids.
 */

export {
  cloneDefaultSettings,
  defaultHintSettings,
  HINT_KINDS,
  HINT_SETTINGS_KEYS,
  
  SETTINGS_LIMITS,
  SETTINGS_VERSION,
  
  type HintKind,
  
  
} from './defaults';

const phraseSchema = z
  .string({ error: 'Enter a phrase' })
  .trim()
  .min(SETTINGS_LIMITS.phraseChars.min, `Use at least ${SETTINGS_LIMITS.phraseChars.min} characters`)
  .max(SETTINGS_LIMITS.phraseChars.max, `Use at most ${SETTINGS_LIMITS.phraseChars.max} characters`)
  .refine((p) => normalizeWords(p).length > 0, 'Needs at least one real word (letters or digits, not only fillers)');

const triggerSchema = z.strictObject(
  {
    phrase: phraseSchema,
    action: z.enum(HINT_KINDS, { error: 'Pick Quick hint or Full guidance' }),
  },
  { error: 'Needs a phrase and an action ("quick" or "full")' },
);

/** Zod error option: "<label> is missing" for an absent field, `message` otherwise. */
function missingOr(label: string, message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? `${label} is missing` : message) };
}

function wholeNumber(label: string, { min, max }: { min: number; max: number }, unit = '') {
  return z
    .number(missingOr(label, `${label} must be a number`))
    // not .int(): that aborts the parse and would hide the cross-field errors
    .refine(Number.isInteger, `${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}${unit}`)
    .max(max, `${label} must be at most ${max}${unit}`);
}

function phraseList(label: string, max: number) {
  return z.array(phraseSchema, missingOr(label, `${label} must be a list of phrases`)).max(max, `At most ${max} ${label.toLowerCase()}`);
}

export const hintSettingsShape = {
  version: z.literal(
    SETTINGS_VERSION,
    missingOr('Settings version', `Unsupported settings version (this app reads version ${SETTINGS_VERSION})`),
  ),
  triggers: z
    .array(triggerSchema, missingOr('Trigger phrases', 'Trigger phrases must be a list of { phrase, action }'))
    .max(SETTINGS_LIMITS.triggers, `At most ${SETTINGS_LIMITS.triggers} trigger phrases`),
  doNotTrigger: phraseList('Do-not-trigger phrases', SETTINGS_LIMITS.doNotTrigger),
  interruptPhrases: phraseList('Interrupt phrases', SETTINGS_LIMITS.interruptPhrases),
  quickSeconds: wholeNumber('Quick hint length', SETTINGS_LIMITS.quickSeconds, ' s'),
  fullSeconds: wholeNumber('Full guidance length', SETTINGS_LIMITS.fullSeconds, ' s'),
  quickContextSize: wholeNumber('Quick hint context', SETTINGS_LIMITS.contextSize, ' messages'),
  fullContextSize: wholeNumber('Full guidance context', SETTINGS_LIMITS.contextSize, ' messages'),
  cooldownSeconds: wholeNumber('Cooldown', SETTINGS_LIMITS.cooldownSeconds, ' s'),
  perCallCap: wholeNumber('Hints per call', SETTINGS_LIMITS.perCallCap),
  voice: z.enum(VOICES, missingOr('Voice', 'Pick one of the listed voices')),
  model: z.enum(REALTIME_MODELS, missingOr('Model', 'Pick one of the listed models')),
  transport: z.enum(TRANSPORTS, missingOr('Transport', 'Pick WebRTC or WebSocket')),
  inputSource: z.enum(INPUT_SOURCES, missingOr('Input source', 'Pick Microphone or Microphone + tab audio')),
  /** OpenAI tracing: off unless turned on (the meeting's audio and text would go to the key's traces dashboard). */
  tracing: z.boolean({ error: 'Tracing must be on (true) or off (false)' }).default(false),
};

export type HintSettingsKey = keyof typeof hintSettingsShape;

/** Unknown keys are errors (a typo in an imported file must not pass silently). */
export const hintSettingsSchema = z.strictObject(hintSettingsShape).superRefine(checkCrossFieldRules, {
  // Run the cross-field rules even when a field failed, so a form or an import lists every problem at once.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});

export type HintSettings = z.infer<typeof hintSettingsSchema>;

export { settingsFieldErrors, settingsIssues,  } from './field-errors';
