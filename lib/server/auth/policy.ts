import type { Role } from '@/lib/server/db/accounts-schema';

/**
 * Who may do what, as pure functions. A member reads and changes only their own things; a coach
 * also reads and reviews the sessions of their team's members; an admin manages accounts, teams
 * and invitations (and, like anyone, owns only their own sessions). Objects from before
 * accounts (no owner) belong to nobody until the owner account adopts them.
 */

export type Actor = { id: string; name: string; email: string; role: Role; teamId: string | null };
export type Access = 'read' | 'write' | 'review';
export type Owner = { userId: string | null; teamId: string | null };

const RANK: Record<Role, number> = { member: 0, coach: 1, admin: 2 };

export function hasRole(actor: Actor, role: Role): boolean {
  return RANK[actor.role] >= RANK[role];
}

/** A coach (or admin) in the same team as the owner, and not the owner. */
export function coaches(actor: Actor, owner: Owner): boolean {
  return hasRole(actor, 'coach') && actor.teamId !== null && owner.teamId === actor.teamId && owner.userId !== actor.id;
}

export function mayAccess(actor: Actor, owner: Owner, access: Access): boolean {
  if (owner.userId === null) return false;
  const own = owner.userId === actor.id;
  if (access === 'write') return own;
  if (access === 'review') return coaches(actor, owner);
  return own || coaches(actor, owner);
}
