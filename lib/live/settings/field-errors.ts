import type { z } from 'zod';

/** One validation problem: a dotted path ("triggers.1.phrase", "" for the whole file) and a message. */
export type SettingsIssue = { path: string; message: string };

/** For a key the schema does not know (often a misspelt setting). */
export const UNKNOWN_SETTING_MESSAGE = 'Not a setting of this app (check the spelling)';

function dotted(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/**
 * Flatten a zod error into one issue per path, in the order zod reported them
 * (field order of the schema, then cross-field rules). Unknown keys become one
 * issue per key so each is listed on its own line.
 */
export function settingsIssues(error: z.ZodError): SettingsIssue[] {
  const out: SettingsIssue[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, message });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(dotted([...issue.path, key]), UNKNOWN_SETTING_MESSAGE);
    } else {
      add(dotted(issue.path), issue.message);
    }
  }
  return out;
}

/** `{ "triggers.1.phrase": "Use at least 2 characters", ... }` — the first message for each path. */
export function settingsFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of settingsIssues(error)) out[path] = message;
  return out;
}
