'use client';

import { useState } from 'react';
import { importScenario } from '@/app/actions/practice';
import type { FieldError } from '@/lib/contracts/action-result';
import { friendlyMessage } from '@/lib/practice/scenarios/scenario-draft';
import { MAX_SCENARIO_FILE_CHARS } from '@/lib/contracts/scenario';
import type { ScenarioEntry } from '@/lib/contracts/scenario';
import { inputClass } from './form-controls';

type Props = { onImported: (entry: ScenarioEntry) => void; onCancel: () => void };

/** Import a scenario file (pasted or picked). Invalid files are refused with every problem by field; nothing is saved. */
export function ScenarioImport({ onImported, onCancel }: Props) {
  const [json, setJson] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_SCENARIO_FILE_CHARS * 4) {
      setMessage(`That file is too large for a scenario (${Math.round(file.size / 1024)} KB).`);
      return;
    }
    setJson(await file.text());
    setErrors([]);
    setMessage(null);
  };

  const run = async (onConflict: 'fail' | 'copy' | 'replace') => {
    setBusy(true);
    setMessage(null);
    setConflict(false);
    try {
      const result = await importScenario({ json, onConflict });
      if (result.ok) {
        setErrors([]);
        onImported(result.data);
        return;
      }
      setErrors(result.error.fieldErrors ?? []);
      setConflict(result.error.code === 'conflict');
      setMessage(result.error.message);
    } catch {
      setMessage('The Cue server could not be reached. Nothing was imported.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="scenario-import" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold text-ink">Import a scenario</h2>
      <p className="text-sm text-slate-600">Pick a .json file exported from Cue, or paste its contents. The whole file is checked before anything is saved.</p>
      <input type="file" accept="application/json,.json" data-testid="import-file" onChange={(e) => void pick(e.target.files?.[0])} className="block text-sm text-slate-600" />
      <textarea
        aria-label="Scenario JSON"
        data-testid="import-json"
        rows={10}
        value={json}
        onChange={(e) => setJson(e.target.value)}
        placeholder='{ "format": "cue-scenario", "version": 1, "scenario": { … } }'
        className={`${inputClass} font-mono text-xs`}
      />
      {message ? (
        <div role="alert" data-testid="import-message" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          <p className="font-medium">{message}</p>
          {errors.length > 0 ? (
            <ul className="mt-1 space-y-0.5">
              {errors.map((e) => (
                <li key={`${e.path}:${e.message}`} data-testid={`field-error-${e.path}`} className="text-xs">
                  <code className="font-semibold">{e.path}</code>: {friendlyMessage(e.message)}
                </li>
              ))}
            </ul>
          ) : null}
          {conflict ? (
            <div className="mt-2 flex gap-2">
              <button type="button" data-testid="import-as-copy" onClick={() => void run('copy')} className="rounded-md bg-rose-700 px-3 py-1 text-xs font-medium text-white hover:bg-rose-800">
                Import as a copy
              </button>
              <button type="button" data-testid="import-replace" onClick={() => void run('replace')} className="rounded-md border border-rose-300 px-3 py-1 text-xs font-medium hover:bg-rose-100">
                Replace my scenario
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="flex gap-2">
        <button type="button" data-testid="import-submit" disabled={busy || json.trim() === ''} onClick={() => void run('fail')} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-50">
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Cancel
        </button>
      </div>
    </section>
  );
}
