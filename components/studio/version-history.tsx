'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { rollbackStudioAgent } from '@/app/actions/studio';
import type { VersionView } from '@/lib/contracts/studio-view';
import { DiffView } from './diff-view';

/** Every version, newest first, with its author, time and diff; any older one can be restored (as a new version). */
export function VersionHistory({ agentId, currentVersion, versions }: { agentId: string; currentVersion: number; versions: VersionView[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<number | null>(versions[0]?.version ?? null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rollback = async (toVersion: number) => {
    setBusy(true);
    setError(null);
    const result = await rollbackStudioAgent({ agentId, toVersion, baseVersion: currentVersion }).catch(() => null);
    setBusy(false);
    setConfirming(null);
    if (!result) return setError('The server did not answer. Nothing changed; try again.');
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  };

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="version-history">
      <h2 className="text-base font-semibold">Version history</h2>
      {error && (
        <p role="alert" className="text-sm text-rose-800" data-testid="rollback-error">
          {error}
        </p>
      )}
      <ol className="space-y-2">
        {versions.map((v) => (
          <li key={v.version} className="rounded-lg border border-slate-200" data-testid={`version-${v.version}`}>
            <div className="flex flex-wrap items-center justify-between gap-2 p-2">
              <button type="button" onClick={() => setOpen(open === v.version ? null : v.version)} className="text-left text-sm" aria-expanded={open === v.version}>
                <span className="font-semibold">v{v.version}</span>
                {v.version === currentVersion && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-cue">current</span>}
                <span className="ml-2 text-slate-600">{v.authorName}</span>
                <span className="ml-2 text-xs text-slate-500">{new Date(v.createdAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</span>
                {v.rollbackOf !== null && <span className="ml-2 text-xs text-slate-500">(rolled back to v{v.rollbackOf})</span>}
                <span className="ml-2 text-xs text-slate-500">
                  {v.changes.length === 0 ? '' : `${v.changes.length} change${v.changes.length === 1 ? '' : 's'}`}
                </span>
              </button>
              {v.version !== currentVersion &&
                (confirming === v.version ? (
                  <span className="flex gap-2">
                    <button type="button" disabled={busy} onClick={() => rollback(v.version)} className="rounded bg-cue px-2 py-1 text-xs font-semibold text-white disabled:opacity-60" data-testid="rollback-confirm">
                      {busy ? 'Restoring…' : `Restore v${v.version} as v${currentVersion + 1}`}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)} className="text-xs underline">
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirming(v.version)} className="rounded border border-slate-300 px-2 py-1 text-xs" data-testid="rollback">
                    Roll back to this
                  </button>
                ))}
            </div>
            {open === v.version && (
              <div className="border-t border-slate-100 p-2">
                {v.version === 1 ? <p className="text-xs text-slate-500">The first version{v.authorName === 'Cue (built-in)' ? ', seeded from the built-in config' : ''}.</p> : <DiffView changes={v.changes} />}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
