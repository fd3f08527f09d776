import 'server-only';
import { forbidden, ok, unauthenticated, type ActionGuard } from '@/lib/contracts/action-result';
import type { Role } from '@/lib/server/db/accounts-schema';
import { getOwnership, type OwnedKind } from '@/lib/server/db/ownership-queries';
import { currentActor } from './actor';
import { hasRole, mayAccess, type Access, type Actor } from './policy';

/**
 * The guards app/actions/*.ts pass to runGuardedAction: every action says who may call it
 * here, and nowhere else. `signedIn` (anyone with an account), `role` (coach or admin), `owns`
 * (the object named in the input is theirs to read, change or review; an object that does not
 * exist passes, and the action reports not_found or creates it for the caller).
 */

type Guard<D> = ActionGuard<D, Actor>;

const actor: Guard<unknown>['actor'] = async () => {
  const who = await currentActor();
  return who ? ok(who) : unauthenticated();
};

export function signedIn<D>(): Guard<D> {
  return { actor, allow: async () => null };
}

export function role<D>(required: Role): Guard<D> {
  return {
    actor,
    allow: async (_data, who) => (hasRole(who, required) ? null : forbidden(`Only ${required === 'admin' ? 'an admin' : 'a coach'} can do this.`)),
  };
}

const NOT_YOURS: Record<OwnedKind, string> = {
  practice_session: 'This practice session belongs to another account.',
  live_session: 'This meeting belongs to another account.',
  custom_scenario: 'This scenario belongs to another account.',
  assist_call: 'This call belongs to another agent.',
};

/** May the actor read, write or review the object this id names? */
export async function checkOwnership(who: Actor, kind: OwnedKind, id: string, access: Access) {
  const owner = await getOwnership({ kind, id });
  if (!owner) return null;
  // An assist call is also open to read for an admin (the supervisor view shows every call).
  const supervisorRead = kind === 'assist_call' && access === 'read' && hasRole(who, 'admin');
  return mayAccess(who, owner, access) || supervisorRead ? null : forbidden(NOT_YOURS[kind]);
}

export function owns<D>(kind: OwnedKind, idOf: (data: D) => string | undefined, access: Access): Guard<D> {
  return {
    actor,
    allow: async (data, who) => {
      const id = idOf(data);
      return id === undefined ? null : checkOwnership(who, kind, id, access);
    },
  };
}
