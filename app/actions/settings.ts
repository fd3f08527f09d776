'use server';

import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import { hintSettingsSchema, settingsIssues, type HintSettings } from '@/lib/live/settings/schema';

export type ValidateSettingsResult = ActionResult<HintSettings, 'invalid_settings'>;

/**
 * Validate live-assistant settings on the server with THE settings schema
 * (the same one the form, the import and the store use). Returns the parsed
 * settings (trimmed, unknown keys refused) or `invalid_settings` with one
 * `{ path, message }` per field ("triggers.1.phrase", "(root)" for the whole value).
 */
export async function validateSettings(input: unknown): Promise<ValidateSettingsResult> {
  const parsed = hintSettingsSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fieldErrors = settingsIssues(parsed.error).map((issue) => ({ path: issue.path || '(root)', message: issue.message }));
  const count = fieldErrors.length;
  return fail('invalid_settings', `The settings are not valid: ${count} field${count === 1 ? '' : 's'} to fix.`, fieldErrors);
}
