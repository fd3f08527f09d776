import { HINT_SETTINGS_KEYS, hintSettingsSchema, settingsIssues, type HintSettings, type SettingsIssue } from './schema';

/** A settings file is a few KB; anything past this is not one. */
export const MAX_SETTINGS_FILE_CHARS = 100_000;
export const SETTINGS_FILE_NAME = 'cue-settings.json';
export const SETTINGS_FILE_TOO_LARGE = `The file is too large for a settings file (over ${MAX_SETTINGS_FILE_CHARS / 1000} KB)`;

export type ParseSettingsFileResult = { ok: true; settings: HintSettings } | { ok: false; errors: SettingsIssue[] };

function fail(message: string): ParseSettingsFileResult {
  return { ok: false, errors: [{ path: '', message }] };
}

/**
 * Parse the text of an imported settings file with THE settings schema.
 * All or nothing: on any problem the result lists every issue (field by
 * field, dotted paths) and carries no settings, so nothing can be applied.
 */
export function parseSettingsFile(text: string): ParseSettingsFileResult {
  if (text.length > MAX_SETTINGS_FILE_CHARS) {
    return fail(SETTINGS_FILE_TOO_LARGE);
  }
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return fail('The file is empty');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`The file is not valid JSON (${detail})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail('The file must contain one JSON object of settings');
  }
  const parsed = hintSettingsSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: settingsIssues(parsed.error) };
  return { ok: true, settings: parsed.data };
}

/** Pretty JSON in schema field order, newline-terminated: what Export downloads and Import reads back. */
export function serializeSettings(settings: HintSettings): string {
  const ordered: Record<string, unknown> = {};
  for (const key of HINT_SETTINGS_KEYS) ordered[key] = settings[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
