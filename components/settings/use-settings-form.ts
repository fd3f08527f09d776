'use client';

import { useCallback, useMemo, useState } from 'react';
import { draftToInput, toDraft, validateDraft, type SettingsDraft } from '@/lib/live/settings/form-draft';
import type { HintSettings } from '@/lib/live/settings/schema';
import type { SettingsWriteResult } from '@/lib/live/settings/store';
import { useSettingsStore, useSettingsStoreApi } from './settings-store-provider';

/**
 * State of the settings form: a draft validated on every change with THE
 * schema. Errors show for the fields (or lists) the user has edited, and for
 * every field after a Save attempt; an untouched blank row stays quiet until then.
 */
export function useSettingsForm() {
  const store = useSettingsStoreApi();
  const saved = useSettingsStore((s) => s.settings);
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(store.getState().settings));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const errors = useMemo<Record<string, string>>(() => (validation.ok ? {} : validation.errors), [validation]);
  const dirty = useMemo(() => JSON.stringify(draftToInput(draft)) !== JSON.stringify(draftToInput(toDraft(saved))), [draft, saved]);

  const errorFor = useCallback(
    (path: string, value?: string): string | undefined => {
      const message = errors[path];
      if (!message || submitted) return message;
      if (!touched.has(path.split('.')[0] ?? path)) return undefined;
      return value !== undefined && value.trim() === '' ? undefined : message;
    },
    [errors, submitted, touched],
  );

  const set = useCallback(<K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => new Set(t).add(key));
  }, []);

  /** Replace the draft (after Import or Reset) and forget touched state. */
  const load = useCallback((settings: HintSettings) => {
    setDraft(toDraft(settings));
    setTouched(new Set());
    setSubmitted(false);
  }, []);

  /** Validate and write to the store; the store is untouched when invalid. */
  const save = useCallback((): SettingsWriteResult => {
    setSubmitted(true);
    if (!validation.ok) return validation;
    return store.getState().replace(validation.settings);
  }, [store, validation]);

  return { draft, saved, set, load, save, errors, errorFor, errorCount: Object.keys(errors).length, submitted, dirty };
}
