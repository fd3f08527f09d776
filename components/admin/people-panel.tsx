'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createTeam, deleteTeam, removeUser, setUserAccess } from '@/app/actions/admin';
import type { AccountView, RoleName, TeamView } from '@/lib/contracts/accounts';
import { FormAlert } from '@/components/accounts/auth-field';

const select = 'rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm';

/** Accounts with their role and team; teams. */
export function PeoplePanel({ accounts, teams, selfId }: { accounts: AccountView[]; teams: TeamView[]; selfId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [teamName, setTeamName] = useState('');

  const act = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>, after?: () => void) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) setError(r.error?.message ?? 'That did not work.');
      else after?.();
      router.refresh();
    });

  return (
    <>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="accounts-panel">
        <h2 className="text-sm font-semibold text-ink">Accounts</h2>
        <FormAlert message={error ?? undefined} />
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Team</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {accounts.map((a) => (
              <tr key={a.id} data-testid="account-row" data-email={a.email}>
                <td className="py-2 pr-2">{a.name}</td>
                <td className="pr-2 text-slate-600">{a.email}</td>
                <td className="pr-2">
                  <select aria-label={`Role of ${a.name}`} data-testid="account-role" value={a.role} disabled={pending} onChange={(e) => act(() => setUserAccess({ userId: a.id, role: e.target.value as RoleName }))} className={select}>
                    <option value="member">member</option>
                    <option value="coach">coach</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td className="pr-2">
                  <select aria-label={`Team of ${a.name}`} data-testid="account-team" value={a.teamId ?? ''} disabled={pending} onChange={(e) => act(() => setUserAccess({ userId: a.id, teamId: e.target.value || null }))} className={select}>
                    <option value="">No team</option>
                    {teams.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="text-right">
                  {a.id === selfId ? (
                    <span className="text-xs text-slate-400">you</span>
                  ) : (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => window.confirm(`Remove ${a.name} and all their data?`) && act(() => removeUser({ userId: a.id }))}
                      className="text-xs text-rose-700 hover:underline"
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="teams-panel">
        <h2 className="text-sm font-semibold text-ink">Teams</h2>
        <p className="text-xs text-slate-500">A coach sees and reviews the practice sessions of the members of their team.</p>
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            act(() => createTeam({ name: teamName }), () => setTeamName(''));
          }}
        >
          <input aria-label="New team name" data-testid="team-name" value={teamName} maxLength={60} onChange={(e) => setTeamName(e.target.value)} placeholder="Team name" className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2 py-1.5 text-sm" />
          <button type="submit" data-testid="team-create" disabled={pending} className="rounded-lg bg-cue px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60">
            Add team
          </button>
        </form>
        <ul className="divide-y divide-slate-100 text-sm" data-testid="team-list">
          {teams.map((t) => (
            <li key={t.id} className="flex items-center justify-between py-2">
              <span>
                {t.name} <span className="text-xs text-slate-500">· {t.memberCount} {t.memberCount === 1 ? 'person' : 'people'}</span>
              </span>
              <button type="button" disabled={pending} onClick={() => act(() => deleteTeam({ teamId: t.id }))} className="text-xs text-rose-700 hover:underline">
                Delete
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
