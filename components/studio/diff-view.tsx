import type { ConfigChange } from '@/lib/contracts/studio-view';

/** One version's changes against the one before: a line diff for long text, before → after otherwise. */
export function DiffView({ changes }: { changes: ConfigChange[] }) {
  if (changes.length === 0) return <p className="text-xs text-slate-500">No changes against the version before.</p>;
  return (
    <ul className="space-y-2" data-testid="version-diff">
      {changes.map((c) => (
        <li key={c.path} className="text-xs">
          <p className="font-mono font-semibold text-slate-700">
            {c.path} <span className="font-sans font-normal text-slate-500">{c.kind}</span>
          </p>
          {c.lines ? (
            <pre className="mt-1 max-h-64 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 whitespace-pre-wrap">
              {c.lines.map((l, i) => (
                <div key={i} className={l.op === '+' ? 'bg-emerald-50 text-emerald-900' : l.op === '-' ? 'bg-rose-50 text-rose-900 line-through decoration-rose-300' : 'text-slate-500'}>
                  {l.op} {l.text}
                </div>
              ))}
            </pre>
          ) : (
            <p className="mt-1 break-words">
              {c.before !== undefined && <span className="rounded bg-rose-50 px-1 text-rose-900 line-through decoration-rose-300">{c.before}</span>}
              {c.before !== undefined && c.after !== undefined && ' → '}
              {c.after !== undefined && <span className="rounded bg-emerald-50 px-1 text-emerald-900">{c.after}</span>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
