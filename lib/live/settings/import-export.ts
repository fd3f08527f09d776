import { settingsIssueText, settingsPathKey, SETTINGS_FIELD_LABELS } from './field-labels';
import { UNKNOWN_SETTING_MESSAGE } from './field-errors';
import { HINT_SETTINGS_KEYS, hintSettingsSchema, settingsIssues, SETTINGS_VERSION, type HintSettings, type HintSettingsKey } from './schema';

/** A settings file is a few KB; anything past this is not one. */
export const MAX_SETTINGS_FILE_CHARS = 100_000;
export const SETTINGS_FILE_NAME = 'cue-settings.json';
export const SETTINGS_FILE_TOO_LARGE = `The file is too large for a settings file (over ${MAX_SETTINGS_FILE_CHARS / 1000} KB)`;

/** One problem with an imported file, with its line in the form's words (`text`). */
export type ImportIssue = { path: string; message: string; text: string };

export type ImportedSettings = {
  ok: true;
  /** The current settings with the file's fields applied, validated as a whole. */
  settings: HintSettings;
  /** The settings the file set (in schema order); every other one was kept. */
  applied: HintSettingsKey[];
  /** The file set every setting. */
  complete: boolean;
};

export type ParseSettingsFileResult = ImportedSettings | { ok: false; errors: ImportIssue[] };

function fail(message: string): ParseSettingsFileResult {
  return { ok: false, errors: [{ path: '', message, text: message }] };
}

/** The settings a file may leave out: the version (this app's is assumed). */
const OPTIONAL_KEYS: ReadonlySet<HintSettingsKey> = new Set(['version']);

/**
 * Parse an imported settings file against the current settings. A file may hold only some
 * settings: those are applied over `current`, the rest are kept, and the result is
 * validated with THE settings schema as a whole (so the rules across fields hold). All or
 * nothing: one problem anywhere (a bad value, an unknown key such as a misspelt setting)
 * and nothing is applied; every problem is listed, one line per field, in the form's words.
 */
export function parseSettingsFile(text: string, current: HintSettings): ParseSettingsFileResult {
  if (text.length > MAX_SETTINGS_FILE_CHARS) return fail(SETTINGS_FILE_TOO_LARGE);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return fail('The file is empty');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`The file is not valid JSON (${detail})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail('The file must contain one JSON object of settings');
  const file = data as Record<string, unknown>;
  const present = HINT_SETTINGS_KEYS.filter((k) => Object.hasOwn(file, k));
  const unknown = Object.keys(file).filter((k) => settingsPathKey(k) !== k);
  if (present.filter((k) => !OPTIONAL_KEYS.has(k)).length === 0 && unknown.length === 0) {
    return fail('The file has none of this app’s settings. Export your settings to see the format.');
  }

  const merged: Record<string, unknown> = { ...current, version: SETTINGS_VERSION };
  for (const key of present) merged[key] = file[key];
  const parsed = hintSettingsSchema.safeParse(merged);
  const errors: ImportIssue[] = [];
  if (!parsed.success) {
    for (const issue of settingsIssues(parsed.error)) {
      const key = settingsPathKey(issue.path);
      errors.push({ ...issue, text: settingsIssueText(issue, key !== null && !present.includes(key)) });
    }
  }
  for (const key of unknown) {
    const issue = { path: key, message: UNKNOWN_SETTING_MESSAGE };
    errors.push({ ...issue, text: settingsIssueText(issue) });
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const applied = present.filter((k) => !OPTIONAL_KEYS.has(k));
  return { ok: true, settings: parsed.data, applied, complete: applied.length === HINT_SETTINGS_KEYS.length - OPTIONAL_KEYS.size };
}

/** The status line after an import: which settings came from the file. */
export function importSummary(result: ImportedSettings, fileName: string): string {
  if (result.complete) return `Imported and saved all settings from ${fileName}.`;
  const names = result.applied.map((k) => SETTINGS_FIELD_LABELS[k]);
  return `Imported from ${fileName} and saved: ${names.join(', ')}. The other settings were kept.`;
}

/** Pretty JSON in schema field order, newline-terminated: what Export downloads and Import reads back. */
export function serializeSettings(settings: HintSettings): string {
  const ordered: Record<string, unknown> = {};
  for (const key of HINT_SETTINGS_KEYS) ordered[key] = settings[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
