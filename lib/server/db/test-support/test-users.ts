import { randomUUID } from 'node:crypto';
import type { Database } from '../client';
import { teams, users, type Role } from '../schema';

/** Accounts and teams written straight into the database for tests (no password; tests act as them through a mocked currentActor). */

export type TestActor = { id: string; name: string; email: string; role: Role; teamId: string | null };

export async function insertTestUser(db: Database, { name, role = 'member', teamId = null }: { name: string; role?: Role; teamId?: string | null }): Promise<TestActor> {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${id.slice(0, 8)}@test.cue`;
  await db.insert(users).values({ id, name, email, role, teamId });
  return { id, name, email, role, teamId };
}

export async function insertTestTeam(db: Database, name: string): Promise<string> {
  const [row] = await db.insert(teams).values({ name: `${name} ${randomUUID().slice(0, 6)}` }).returning({ id: teams.id });
  if (!row) throw new Error('insert into teams returned no row');
  return row.id;
}
