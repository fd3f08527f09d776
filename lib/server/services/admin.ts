import 'server-only';
import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import type { AccountView, InvitationView, TeamView } from '@/lib/contracts/accounts';
import type { Actor } from '@/lib/server/auth/policy';
import * as q from '@/lib/server/db/account-queries';
import type { Role } from '@/lib/server/db/accounts-schema';
import { hashToken, newInvitationToken } from './accounts';

/** What /admin does: accounts and their roles and teams, teams, invitation links. Callers are admins (checked by the guard). */

type Result<T, C extends string = 'not_found' | 'conflict' | 'invalid_input'> = Promise<ActionResult<T, C>>;

export type AdminView = { accounts: AccountView[]; teams: TeamView[]; invitations: InvitationView[] };

export async function getAdminView(now = new Date()): Promise<AdminView> {
  const [users, teams, invites] = await Promise.all([q.listUsers(), q.listTeams(), q.listOpenInvitations({ now })]);
  const teamName = (id: string | null) => (id ? (teams.find((t) => t.id === id)?.name ?? null) : null);
  return {
    accounts: users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, teamId: u.teamId, teamName: teamName(u.teamId) })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, memberCount: users.filter((u) => u.teamId === t.id).length })),
    invitations: invites.map((i) => ({ id: i.id, role: i.role, teamId: i.teamId, teamName: teamName(i.teamId), note: i.note, expiresAt: i.expiresAt, createdAt: i.createdAt })),
  };
}

const LAST_ADMIN = 'Cue needs at least one admin: make another account admin first.';

export async function setAccess(actor: Actor, input: { userId: string; role?: Role; teamId?: string | null }): Result<AccountView> {
  const user = await q.getUserById({ id: input.userId });
  if (!user) return fail('not_found', 'No such account.');
  if (input.role && input.role !== 'admin' && user.role === 'admin' && (await q.countAdminsOtherThan({ id: user.id })) === 0) return fail('conflict', LAST_ADMIN);
  if (input.teamId && !(await q.teamExists({ id: input.teamId }))) return fail('invalid_input', 'No such team.', [{ path: 'teamId', message: 'no such team' }]);
  const updated = await q.updateUserAccess({ id: input.userId, role: input.role, teamId: input.teamId });
  if (!updated) return fail('not_found', 'No such account.');
  const teamName = updated.teamId ? ((await q.listTeams()).find((t) => t.id === updated.teamId)?.name ?? null) : null;
  return ok({ id: updated.id, name: updated.name, email: updated.email, role: updated.role, teamId: updated.teamId, teamName });
}

export async function removeAccount(actor: Actor, { userId }: { userId: string }): Result<{ userId: string }> {
  if (userId === actor.id) return fail('conflict', 'You cannot remove your own account here: use "Delete my account" on your account page.');
  const user = await q.getUserById({ id: userId });
  if (!user) return fail('not_found', 'No such account.');
  if (user.role === 'admin' && (await q.countAdminsOtherThan({ id: user.id })) === 0) return fail('conflict', LAST_ADMIN);
  await q.deleteUserById({ id: userId });
  return ok({ userId });
}

export async function createTeam({ name }: { name: string }): Result<TeamView> {
  const team = await q.createTeam({ name });
  return team ? ok({ id: team.id, name: team.name, memberCount: 0 }) : fail('conflict', `A team named "${name}" already exists.`, [{ path: 'name', message: 'this name is taken' }]);
}

export async function deleteTeam({ teamId }: { teamId: string }): Result<{ teamId: string }> {
  return (await q.deleteTeamById({ id: teamId })) ? ok({ teamId }) : fail('not_found', 'No such team.');
}

/** A new invitation; the token is returned once (only its hash is kept). */
export async function createInvitation(
  actor: Actor,
  input: { role: Role; teamId: string | null; note: string | null; expiresInHours: number },
  now = new Date(),
): Result<{ invitation: InvitationView; path: string }> {
  if (input.teamId && !(await q.teamExists({ id: input.teamId }))) return fail('invalid_input', 'No such team.', [{ path: 'teamId', message: 'no such team' }]);
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000);
  const row = await q.createInvitation({ tokenHash: hashToken(token), role: input.role, teamId: input.teamId, note: input.note, createdBy: actor.id, expiresAt });
  const teamName = input.teamId ? ((await q.listTeams()).find((t) => t.id === input.teamId)?.name ?? null) : null;
  return ok({
    invitation: { id: row.id, role: row.role, teamId: row.teamId, teamName, note: row.note, expiresAt: row.expiresAt, createdAt: row.createdAt },
    path: `/invite/${token}`,
  });
}

export async function revokeInvitation({ id }: { id: string }): Result<{ id: string }> {
  return (await q.deleteInvitationById({ id })) ? ok({ id }) : fail('not_found', 'No such invitation.');
}
