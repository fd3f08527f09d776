import 'server-only';
import { and, asc, count, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import { db } from './connection';
import { customScenarios, invitations, liveSessions, ownerClaim, practiceSessions, teams, users, userSettings, type Role, type UserRow } from './schema';

/** Accounts, teams, invitations and who owns what. Callers validate input and check permissions first. */

export type UserRecord = Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'teamId' | 'createdAt'>;
const userColumns = { id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, createdAt: users.createdAt };

export async function countUsers(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export async function getUserById({ id }: { id: string }): Promise<UserRecord | null> {
  const [row] = await db().select(userColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function getUserByEmail({ email }: { email: string }): Promise<UserRecord | null> {
  const [row] = await db().select(userColumns).from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function listUsers(): Promise<UserRecord[]> {
  return db().select(userColumns).from(users).orderBy(asc(users.createdAt), asc(users.id));
}

export async function updateUserAccess({ id, role, teamId }: { id: string; role?: Role; teamId?: string | null }): Promise<UserRecord | null> {
  const [row] = await db()
    .update(users)
    .set({ ...(role ? { role } : {}), ...(teamId !== undefined ? { teamId } : {}), updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(userColumns);
  return row ?? null;
}

export async function countAdminsOtherThan({ id }: { id: string }): Promise<number> {
  const [row] = await db().select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), ne(users.id, id)));
  return Number(row?.n ?? 0);
}

/** Deletes the account; its sessions, meetings, scenarios, settings and reviews go with it (foreign keys cascade). */
export async function deleteUserById({ id }: { id: string }): Promise<boolean> {
  const rows = await db().delete(users).where(eq(users.id, id)).returning({ id: users.id });
  return rows.length > 0;
}

/** The ids of a team's accounts. */
export async function listTeamUserIds({ teamId }: { teamId: string }): Promise<string[]> {
  const rows = await db().select({ id: users.id }).from(users).where(eq(users.teamId, teamId));
  return rows.map((r) => r.id);
}

export async function listUsersByIds({ ids }: { ids: readonly string[] }): Promise<UserRecord[]> {
  if (ids.length === 0) return [];
  return db().select(userColumns).from(users).where(inArray(users.id, [...ids])).orderBy(asc(users.name));
}

// Teams

export async function listTeams() {
  return db().select().from(teams).orderBy(asc(teams.name));
}

/** null when the name is taken. */
export async function createTeam({ name }: { name: string }) {
  const [row] = await db().insert(teams).values({ name }).onConflictDoNothing({ target: teams.name }).returning();
  return row ?? null;
}

export async function deleteTeamById({ id }: { id: string }): Promise<boolean> {
  const rows = await db().delete(teams).where(eq(teams.id, id)).returning({ id: teams.id });
  return rows.length > 0;
}

export async function teamExists({ id }: { id: string }): Promise<boolean> {
  const [row] = await db().select({ id: teams.id }).from(teams).where(eq(teams.id, id));
  return row !== undefined;
}

// First run

/** The first caller wins; false when an owner was already claimed. */
export async function claimOwner({ email }: { email: string }): Promise<boolean> {
  const rows = await db().insert(ownerClaim).values({ email }).onConflictDoNothing().returning({ id: ownerClaim.id });
  return rows.length > 0;
}

export async function releaseOwnerClaim(): Promise<void> {
  await db().delete(ownerClaim);
}

/** Sessions, meetings and scenarios from before accounts become the owner's. */
export async function adoptUnownedData({ userId }: { userId: string }): Promise<void> {
  await db().update(practiceSessions).set({ userId }).where(isNull(practiceSessions.userId));
  await db().update(liveSessions).set({ userId }).where(isNull(liveSessions.userId));
  await db().update(customScenarios).set({ userId }).where(isNull(customScenarios.userId));
}

// Invitations

export async function createInvitation(values: { tokenHash: string; role: Role; teamId: string | null; note: string | null; createdBy: string; expiresAt: Date }) {
  const [row] = await db().insert(invitations).values(values).returning();
  if (!row) throw new Error('insert into invitations returned no row');
  return row;
}

export async function getInvitationByTokenHash({ tokenHash }: { tokenHash: string }) {
  const [row] = await db().select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/** Marks an open, unexpired invitation used; false when someone used it first or it expired. */
export async function useInvitation({ id, userId, now }: { id: string; userId: string; now: Date }): Promise<boolean> {
  const rows = await db()
    .update(invitations)
    .set({ usedAt: now, usedBy: userId })
    .where(and(eq(invitations.id, id), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function listOpenInvitations({ now }: { now: Date }) {
  return db()
    .select()
    .from(invitations)
    .where(and(isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt));
}

export async function deleteInvitationById({ id }: { id: string }): Promise<boolean> {
  const rows = await db().delete(invitations).where(eq(invitations.id, id)).returning({ id: invitations.id });
  return rows.length > 0;
}

// Settings

export async function getUserSettings({ userId }: { userId: string }): Promise<{ settings: unknown; updatedAt: Date } | null> {
  const [row] = await db().select({ settings: userSettings.settings, updatedAt: userSettings.updatedAt }).from(userSettings).where(eq(userSettings.userId, userId));
  return row ?? null;
}

export async function putUserSettings({ userId, settings }: { userId: string; settings: unknown }): Promise<Date> {
  const updatedAt = new Date();
  await db()
    .insert(userSettings)
    .values({ userId, settings, updatedAt })
    .onConflictDoUpdate({ target: userSettings.userId, set: { settings, updatedAt } });
  return updatedAt;
}
