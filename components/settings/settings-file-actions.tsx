'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import {
  importSummary,
  MAX_SETTINGS_FILE_CHARS,
  parseSettingsFile,
  serializeSettings,
  SETTINGS_FILE_NAME,
  SETTINGS_FILE_TOO_LARGE,
  type ImportIssue,
} from '@/lib/live/settings/import-export';
import { settingsIssueText } from '@/lib/live/settings/field-labels';
import type { HintSettings } from '@/lib/live/settings/schema';
import { downloadText } from '@/lib/shared/download';
import { secondaryButton } from './phrase-list-field';
import { useSettingsStoreApi } from './settings-store-provider';

type Props = {
  /** Valid settings were imported and saved: load them into the form. */
  onApplied: (settings: HintSettings, status: string) => void;
  /** Export writes the SAVED settings; say so when the form has unsaved edits. */
  dirty: boolean;
};

/** Export, Import (a whole or partial file; all or nothing, one line per problem) and Reset to defaults (with confirmation). */
export function SettingsFileActions({ onApplied, dirty }: Props) {
  const store = useSettingsStoreApi();
  const [importErrors, setImportErrors] = useState<ImportIssue[] | null>(null);
  const [importName, setImportName] = useState('');
  const [confirmingReset, setConfirmingReset] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be picked again after fixing it
    if (!file) return;
    setImportName(file.name);
    // Bytes >= characters: only a file far too big is refused unread; parseSettingsFile checks the rest.
    if (file.size > MAX_SETTINGS_FILE_CHARS * 4) return setImportErrors([{ path: '', message: SETTINGS_FILE_TOO_LARGE, text: SETTINGS_FILE_TOO_LARGE }]);
    const parsed = parseSettingsFile(await file.text(), store.getState().settings);
    if (!parsed.ok) return setImportErrors(parsed.errors);
    const written = store.getState().replace(parsed.settings);
    if (!written.ok) return setImportErrors(Object.entries(written.errors).map(([path, message]) => ({ path, message, text: settingsIssueText({ path, message }) })));
    setImportErrors(null);
    onApplied(written.settings, importSummary(parsed, file.name));
  }

  function confirmReset() {
    setConfirmingReset(false);
    setImportErrors(null);
    onApplied(store.getState().reset(), 'Settings reset to the defaults.');
    resetRef.current?.focus();
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="settings-export"
          onClick={() => downloadText(serializeSettings(store.getState().settings), SETTINGS_FILE_NAME, 'application/json')}
          className={secondaryButton}
          title={dirty ? 'Exports the saved settings; unsaved changes are not included.' : undefined}
        >
          Export
        </button>
        <label className={`${secondaryButton} cursor-pointer focus-within:ring-2 focus-within:ring-cue/30`}>
          Import…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="settings-import-input"
            aria-label="Import settings from a JSON file"
            onChange={(e) => void onFile(e)}
            className="sr-only"
          />
        </label>
        {confirmingReset ? (
          <span role="group" aria-label="Confirm reset" className="flex items-center gap-2 rounded-md bg-rose-50 px-2 py-1 text-sm text-rose-800">
            Reset every setting to its default?
            <button type="button" data-testid="settings-reset-confirm" onClick={confirmReset} className="rounded bg-rose-600 px-2 py-1 text-white hover:bg-rose-700">
              Reset
            </button>
            <button type="button" data-testid="settings-reset-cancel" onClick={() => setConfirmingReset(false)} className="rounded px-2 py-1 hover:bg-rose-100">
              Cancel
            </button>
          </span>
        ) : (
          <button ref={resetRef} type="button" data-testid="settings-reset" onClick={() => setConfirmingReset(true)} className={secondaryButton}>
            Reset to defaults
          </button>
        )}
      </div>
      <p className="text-xs text-slate-500">
        Import reads a file from Export, or one with only some settings: those are applied and the others kept.
        {dirty ? ' Export saves the last saved settings, without unsaved changes.' : ''}
      </p>
      {importErrors ? (
        <div data-testid="settings-import-errors" role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          <p className="font-medium">Nothing was imported from {importName || 'the file'}. Fix these and try again:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {importErrors.map((issue) => (
              <li key={`${issue.path}:${issue.message}`} data-testid="settings-import-error" data-path={issue.path}>
                {issue.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
