'use client';

import { useState } from 'react';
import { importAssistCustomers } from '@/app/actions/assist';
import type { RowError } from '@/lib/assist/csv/customer-import';
import { ErrorLine, Panel } from './ui';

/** Import real customers from a CSV; every rejected row is listed with its line, column and reason. */

const MAX_BYTES = 1_900_000;

export function CsvImport() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<{ name: string; inserted: number; errors: RowError[] } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReport(null);
    if (file.size > MAX_BYTES) return setError(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; one import takes at most 1.9 MB. Split the file.`);
    setBusy(true);
    const r = await importAssistCustomers({ csv: await file.text() }).catch(() => null);
    setBusy(false);
    if (!r?.ok) return setError(r ? (r.error.fieldErrors?.[0]?.message ?? r.error.message) : 'The import could not reach the server; nothing was imported.');
    setReport({ name: file.name, inserted: r.data.inserted, errors: r.data.errors });
  };
  return (
    <Panel title="Import customers (CSV)" testId="assist-csv-import">
      <p className="mb-1 text-xs text-slate-500">Columns: full_name, email (required), phone (E.164), tier, status, city, country.</p>
      <input type="file" accept=".csv,text/csv" data-testid="assist-csv-file" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} className="text-sm" />
      <ErrorLine message={error} testId="assist-csv-error" />
      {report ? (
        <div className="mt-2 text-sm" data-testid="assist-csv-report">
          <p>{report.name}: {report.inserted} imported, {report.errors.length} row problem{report.errors.length === 1 ? '' : 's'}.</p>
          <ul className="max-h-40 overflow-y-auto text-xs text-rose-800">
            {report.errors.slice(0, 200).map((e, i) => (
              <li key={i}>Line {e.line}, {e.column}: {e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Panel>
  );
}
