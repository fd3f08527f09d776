import type { Database } from '../client';
import { insertTestTeam, insertTestUser, type TestActor } from './test-users';

/** What the server-action tests share: unwrap a result, the refusal shapes, and the two teams of people they act as. */

export function must<T>(r: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

export const REFUSED = { ok: false, error: { code: 'forbidden' } } as const;
export const SIGNED_OUT = { ok: false, error: { code: 'unauthenticated' } } as const;

/** Team A: Ann (member) coached by Cody; team B: Eve (member) coached by Bea; Admina, an admin in no team. */
export type TwoTeams = { ann: TestActor; eve: TestActor; cody: TestActor; bea: TestActor; admina: TestActor };

export async function insertTwoTeams(db: Database): Promise<TwoTeams> {
  const teamA = await insertTestTeam(db, 'Team A');
  const teamB = await insertTestTeam(db, 'Team B');
  return {
    ann: await insertTestUser(db, { name: 'Ann', teamId: teamA }),
    eve: await insertTestUser(db, { name: 'Eve', teamId: teamB }),
    cody: await insertTestUser(db, { name: 'Cody', role: 'coach', teamId: teamA }),
    bea: await insertTestUser(db, { name: 'Bea', role: 'coach', teamId: teamB }),
    admina: await insertTestUser(db, { name: 'Admina', role: 'admin' }),
  };
}
