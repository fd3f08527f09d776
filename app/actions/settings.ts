'use server';

import { z } from 'zod';
import { fail, ok, runGuardedAction, type ActionResult, type AuthErrorCode } from '@/lib/contracts/action-result';
import { coerceSettings } from '@/lib/live/settings/coerce';
import { hintSettingsSchema, settingsIssues, type HintSettings } from '@/lib/live/settings/schema';
import { signedIn } from '@/lib/server/auth/guard';
import { getUserSettings, putUserSettings } from '@/lib/server/db/account-queries';

export type ValidateSettingsResult = ActionResult<HintSettings, 'invalid_settings' | AuthErrorCode | 'invalid_input' | 'internal' | 'database_unavailable'>;

/** The settings as sent: parsed by THE settings schema inside the action (its field errors are the form's). */
const anything = z.unknown();

function check(input: unknown): ActionResult<HintSettings, 'invalid_settings'> {
  const parsed = hintSettingsSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fieldErrors = settingsIssues(parsed.error).map((issue) => ({ path: issue.path || '(root)', message: issue.message }));
  const count = fieldErrors.length;
  return fail('invalid_settings', `The settings are not valid: ${count} field${count === 1 ? '' : 's'} to fix.`, fieldErrors);
}

/**
 * Validate live-assistant settings on the server with THE settings schema
 * (the same one the form, the import and the store use). Returns the parsed
 * settings (trimmed, unknown keys refused) or `invalid_settings` with one
 * `{ path, message }` per field ("triggers.1.phrase", "(root)" for the whole value).
 */
export async function validateSettings(input: unknown): Promise<ValidateSettingsResult> {
  return runGuardedAction(signedIn(), anything, input, async (data) => check(data));
}

/** The account's settings (kept on the server; the device caches them), or null when it never saved any. */
export async function getMySettings(): Promise<ActionResult<{ settings: HintSettings | null; updatedAt: Date | null }>> {
  return runGuardedAction(signedIn(), z.undefined(), undefined, async (_none, actor) => {
    const row = await getUserSettings({ userId: actor.id });
    // A stored copy from an older version is repaired field by field, like the device's copy.
    return ok(row ? { settings: coerceSettings(row.settings).settings, updatedAt: row.updatedAt } : { settings: null, updatedAt: null });
  });
}

/** Validate and keep the account's settings; returns them as kept, with the account's time of the change. */
export async function saveMySettings(input: unknown): Promise<ActionResult<{ settings: HintSettings; updatedAt: Date }>> {
  return runGuardedAction(signedIn(), anything, input, async (data, actor) => {
    const checked = check(data);
    if (!checked.ok) return checked;
    return ok({ settings: checked.data, updatedAt: await putUserSettings({ userId: actor.id, settings: checked.data }) });
  });
}
