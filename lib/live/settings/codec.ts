import { coerceSettings } from './coerce';
import { hintSettingsSchema, settingsFieldErrors } from './schema';
import type { SettingsWriteResult } from './store';

/**
 * THE schema's two jobs for the settings store: validate a write, repair a stored copy.
 * Loaded on demand (codec-loader.ts): it brings zod, which the live page's first load
 * does without.
 */
export function validateSettings(candidate: unknown): SettingsWriteResult {
  const parsed = hintSettingsSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: settingsFieldErrors(parsed.error) };
  return { ok: true, settings: parsed.data };
}

export { coerceSettings };
