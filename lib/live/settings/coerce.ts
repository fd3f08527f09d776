import {
  HINT_SETTINGS_KEYS,
  cloneDefaultSettings,
  hintSettingsSchema,
  hintSettingsShape,
  type HintSettings,
  type HintSettingsKey,
} from './schema';

export type CoercedSettings = {
  settings: HintSettings;
  /** Fields that were missing or invalid and were replaced by their default. */
  repaired: HintSettingsKey[];
};

/**
 * Turn untrusted stored data (localStorage) into valid settings, field by
 * field: every valid field is kept, every missing or invalid field gets its
 * default, unknown keys are dropped. If the cross-field rules still fail
 * (e.g. a kept trigger equals a kept interrupt phrase), the fields they name
 * are reset too, until the whole object validates; the final fallback is the
 * defaults. Never throws.
 */
export function coerceSettings(raw: unknown): CoercedSettings {
  const defaults = cloneDefaultSettings();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaults, repaired: [...HINT_SETTINGS_KEYS] };
  }
  const source = raw as Record<string, unknown>;
  const candidate: Record<string, unknown> = {};
  const repaired = new Set<HintSettingsKey>();
  for (const key of HINT_SETTINGS_KEYS) {
    const parsed = hintSettingsShape[key].safeParse(source[key]);
    if (parsed.success) candidate[key] = parsed.data;
    else {
      candidate[key] = defaults[key];
      repaired.add(key);
    }
  }
  for (let round = 0; round < HINT_SETTINGS_KEYS.length; round++) {
    const result = hintSettingsSchema.safeParse(candidate);
    if (result.success) return { settings: result.data, repaired: [...repaired] };
    let changed = false;
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string' || !(key in hintSettingsShape)) continue;
      const k = key as HintSettingsKey;
      if (candidate[k] === defaults[k]) continue;
      candidate[k] = defaults[k];
      repaired.add(k);
      changed = true;
    }
    if (!changed) break;
  }
  return { settings: defaults, repaired: [...HINT_SETTINGS_KEYS] };
}
