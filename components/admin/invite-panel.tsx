'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createInvitation, revokeInvitation } from '@/app/actions/admin';
import type { InvitationView, RoleName, TeamView } from '@/lib/contracts/accounts';
import { formatDateTime } from '@/lib/shared/format';
import { FormAlert } from '@/components/accounts/auth-field';

const select = 'rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** Make an invitation link (role, team, note), copy it; see and revoke the open ones. */
export function InvitePanel({ teams, invitations }: { teams: TeamView[]; invitations: InvitationView[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [role, setRole] = useState<RoleName>('member');
  const [teamId, setTeamId] = useState<string>('');
  const [note, setNote] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = () =>
    start(async () => {
      setError(null);
      setCopied(false);
      const r = await createInvitation({ role, teamId: teamId || null, note: note.trim() || null });
      if (!r.ok) return setError(r.error.message);
      setLink(`${window.location.origin}${r.data.path}`);
      setNote('');
      router.refresh();
    });
  const revoke = (id: string) =>
    start(async () => {
      const r = await revokeInvitation({ id });
      if (!r.ok) setError(r.error.message);
      router.refresh();
    });
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError('The browser did not allow copying: select the link and copy it by hand.');
    }
  };

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="invite-panel">
      <h2 className="text-sm font-semibold text-ink">Invite someone</h2>
      <p className="text-xs text-slate-500">No mail is sent: copy the link and give it to the person. It works once, for 3 days.</p>
      <FormAlert message={error ?? undefined} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Role</span>
          <select data-testid="invite-role" value={role} onChange={(e) => setRole(e.target.value as RoleName)} className={select}>
            <option value="member">Member</option>
            <option value="coach">Coach</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Team</span>
          <select data-testid="invite-team" value={teamId} onChange={(e) => setTeamId(e.target.value)} className={select}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-40 flex-1 text-sm">
          <span className="block text-xs text-slate-600">Note (who it is for)</span>
          <input data-testid="invite-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} className="w-full rounded-lg border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <button type="button" data-testid="invite-create" disabled={pending} onClick={create} className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60">
          Create link
        </button>
      </div>
      {link ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3">
          <input readOnly data-testid="invite-link" value={link} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" />
          <button type="button" data-testid="invite-copy" onClick={() => void copy()} className="rounded-lg border border-emerald-400 px-3 py-1 text-sm text-emerald-900 hover:bg-emerald-100">
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      ) : null}
      {invitations.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="open-invitations">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {i.role}
                {i.teamName ? ` · ${i.teamName}` : ''}
                {i.note ? ` · ${i.note}` : ''} <span className="text-xs text-slate-500">until {formatDateTime(i.expiresAt)}</span>
              </span>
              <button type="button" disabled={pending} onClick={() => revoke(i.id)} className="text-xs text-rose-700 hover:underline">
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
