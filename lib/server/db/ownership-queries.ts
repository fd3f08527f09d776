import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from './connection';
import { assistCalls } from './assist-schema';
import { customScenarios, liveSessions, practiceSessions, users } from './schema';

/** Who owns an object (and that owner's team), for the permission check every action goes through. */

export type OwnedKind = 'practice_session' | 'live_session' | 'custom_scenario' | 'assist_call';
export type Ownership = { userId: string | null; teamId: string | null };

const tables = {
  practice_session: { table: practiceSessions, id: practiceSessions.id, owner: practiceSessions.userId },
  live_session: { table: liveSessions, id: liveSessions.id, owner: liveSessions.userId },
  custom_scenario: { table: customScenarios, id: customScenarios.id, owner: customScenarios.userId },
  assist_call: { table: assistCalls, id: assistCalls.id, owner: assistCalls.agentUserId },
} as const;

/** null when there is no such object. */
export async function getOwnership({ kind, id }: { kind: OwnedKind; id: string }): Promise<Ownership | null> {
  const t = tables[kind];
  const [row] = await db()
    .select({ userId: t.owner, teamId: users.teamId })
    .from(t.table)
    .leftJoin(users, eq(users.id, t.owner))
    .where(eq(t.id, id));
  return row ?? null;
}
