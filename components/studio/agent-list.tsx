import Link from 'next/link';
import type { StudioAgentSummary } from '@/lib/contracts/studio-view';

/** The studio's agents: name, purpose, current version, numbers. */
export function StudioAgentList({ agents }: { agents: StudioAgentSummary[] }) {
  if (agents.length === 0) return <p className="text-sm text-slate-600">No agents yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="studio-agent-list">
      {agents.map((a) => (
        <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid={`studio-agent-${a.id}`}>
          <div className="min-w-0 flex-1">
            <Link href={`/admin/studio/${a.id}`} className="text-base font-semibold text-cue underline" data-testid="studio-agent-link">
              {a.name}
            </Link>
            <p className="mt-0.5 text-sm text-slate-600">{a.purpose}</p>
            <p className="mt-1 text-xs text-slate-500">
              <span className="font-mono">{a.id}</span> · version {a.version} · saved {new Date(a.updatedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC
              {a.builtin ? ' · built-in' : ''}
            </p>
          </div>
          <div className="text-right text-sm">
            {a.numbers.length > 0 ? (
              a.numbers.map((n) => (
                <div key={n} className="font-mono">
                  {n}
                </div>
              ))
            ) : (
              <span className="text-slate-500">No number</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
