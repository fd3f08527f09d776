import { hintSettingsSchema, settingsFieldErrors, type HintKind, type HintSettings } from './schema';

/** Number fields are edited as text (an empty or half-typed box must be representable). */
const NUMERIC_FIELDS = ['quickSeconds', 'fullSeconds', 'quickContextSize', 'fullContextSize', 'cooldownSeconds', 'perCallCap'] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];

/** What the settings form edits: the settings with numbers as strings and enums as plain strings. */
export type SettingsDraft = {
  triggers: { phrase: string; action: HintKind }[];
  doNotTrigger: string[];
  interruptPhrases: string[];
  voice: string;
  model: string;
  transport: string;
  inputSource: string;
  tracing: boolean;
} & Record<NumericField, string>;

export type DraftValidation = { ok: true; settings: HintSettings } | { ok: false; errors: Record<string, string> };

export function toDraft(settings: HintSettings): SettingsDraft {
  return {
    triggers: settings.triggers.map((t) => ({ ...t })),
    doNotTrigger: [...settings.doNotTrigger],
    interruptPhrases: [...settings.interruptPhrases],
    voice: settings.voice,
    model: settings.model,
    transport: settings.transport,
    inputSource: settings.inputSource,
    tracing: settings.tracing,
    quickSeconds: String(settings.quickSeconds),
    fullSeconds: String(settings.fullSeconds),
    quickContextSize: String(settings.quickContextSize),
    fullContextSize: String(settings.fullContextSize),
    cooldownSeconds: String(settings.cooldownSeconds),
    perCallCap: String(settings.perCallCap),
  };
}

/** "" or anything not a plain decimal number becomes NaN, which the schema reports as "must be a number". */
export function parseNumberInput(text: string): number {
  const t = text.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The draft as schema input (the schema decides what is valid). */
export function draftToInput(draft: SettingsDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    version: 1,
    triggers: draft.triggers.map((t) => ({ phrase: t.phrase, action: t.action })),
    doNotTrigger: [...draft.doNotTrigger],
    interruptPhrases: [...draft.interruptPhrases],
    voice: draft.voice,
    model: draft.model,
    transport: draft.transport,
    inputSource: draft.inputSource,
    tracing: draft.tracing,
  };
  for (const key of NUMERIC_FIELDS) input[key] = parseNumberInput(draft[key]);
  return input;
}

/** Validate the form with THE schema: settings to save, or errors keyed by dotted path. */
export function validateDraft(draft: SettingsDraft): DraftValidation {
  const parsed = hintSettingsSchema.safeParse(draftToInput(draft));
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: settingsFieldErrors(parsed.error) };
}
