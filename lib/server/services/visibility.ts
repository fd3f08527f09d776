import 'server-only';
import { listTeamUserIds, listUsersByIds } from '@/lib/server/db/account-queries';
import { hasRole, type Actor } from '@/lib/server/auth/policy';

/**
 * Whose practice sessions someone may see in /history: their own; a coach also their team's
 * members'. `person` narrows to one of those accounts (anyone else's id is ignored).
 */
export async function visibleOwnerIds(actor: Actor, person?: string): Promise<string[]> {
  const team = hasRole(actor, 'coach') && actor.teamId ? await listTeamUserIds({ teamId: actor.teamId }) : [];
  const ids = [actor.id, ...team.filter((id) => id !== actor.id)];
  return person && ids.includes(person) ? [person] : ids;
}

/** The people a coach can pick between in /history (themselves first); empty for a member. */
export async function listVisiblePeople(actor: Actor): Promise<{ id: string; name: string }[]> {
  const ids = await visibleOwnerIds(actor);
  if (ids.length <= 1) return [];
  const users = await listUsersByIds({ ids });
  return [{ id: actor.id, name: `${actor.name} (you)` }, ...users.filter((u) => u.id !== actor.id).map((u) => ({ id: u.id, name: u.name }))];
}
