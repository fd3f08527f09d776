'use client';

import { useState } from 'react';
import { exportSessionMarkdown } from '@/app/actions/practice';

/** Download the session (transcript, tags, debrief, metrics) as a Markdown file. */
export function ExportMarkdownButton({ sessionId }: { sessionId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await exportSessionMarkdown({ sessionId });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const url = URL.createObjectURL(new Blob([result.data.markdown], { type: 'text/markdown;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = result.data.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      setError('The Cue server could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button type="button" data-testid="export-markdown" disabled={busy} onClick={() => void download()} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
        {busy ? 'Preparing…' : 'Export as Markdown'}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
