import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { StudioAgentConfig } from '@/lib/contracts/studio-agent';
import type { Database } from './client';
import { studioAgents, studioAgentVersions, studioPhoneNumbers, users } from './schema';

/**
 * The agent studio's reads and writes. A save is one transaction: the agent's current version moves
 * from `baseVersion` to `baseVersion + 1` only if nobody else saved in between (otherwise `stale`,
 * and nothing is written), the new version row is added, and a NOTIFY on STUDIO_CHANNEL tells
 * every app instance listening (PostgreSQL) which agent changed; PGlite instances poll versions.
 */
export const STUDIO_CHANNEL = 'cue_studio_agents';

export type Author = { id: string | null; name: string };
export type StoredAgent = { id: string; version: number; config: StudioAgentConfig; builtin: string | null; updatedAt: Date };
export type StoredVersion = { version: number; config: StudioAgentConfig; authorName: string; authorId: string | null; rollbackOf: number | null; createdAt: Date };
export type SaveOutcome = { ok: true; version: number } | { ok: false; reason: 'stale'; currentVersion: number } | { ok: false; reason: 'not_found' };

const seeded = new WeakMap<Database, Promise<void>>();

/** Insert the typed built-ins that are not in the database yet (first use). Safe to call often and from several instances. */
export function ensureStudioSeeded(db: Database, builtins: readonly StudioAgentConfig[]): Promise<void> {
  let done = seeded.get(db);
  if (!done) {
    done = seed(db, builtins).catch((error: unknown) => {
      seeded.delete(db);
      throw error;
    });
    seeded.set(db, done);
  }
  return done;
}

async function seed(db: Database, builtins: readonly StudioAgentConfig[]): Promise<void> {
  for (const config of builtins) {
    await db.transaction(async (tx) => {
      const inserted = await tx.insert(studioAgents).values({ id: config.id, currentVersion: 1, builtin: config.id }).onConflictDoNothing().returning({ id: studioAgents.id });
      if (inserted.length === 0) return;
      await tx.insert(studioAgentVersions).values({ agentId: config.id, version: 1, config, authorId: null, authorName: 'Cue (built-in)' });
    });
  }
}

/** A new agent at version 1; `exists` when the id is taken. */
export async function createAgent(db: Database, config: StudioAgentConfig, author: Author): Promise<{ ok: true } | { ok: false; reason: 'exists' }> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(studioAgents).values({ id: config.id, currentVersion: 1 }).onConflictDoNothing().returning({ id: studioAgents.id });
    if (inserted.length === 0) return { ok: false as const, reason: 'exists' as const };
    await tx.insert(studioAgentVersions).values({ agentId: config.id, version: 1, config, authorId: author.id, authorName: author.name });
    return { ok: true as const };
  });
}

export async function listAgents(db: Database): Promise<{ id: string; version: number; name: string; purpose: string; builtin: string | null; updatedAt: Date; numbers: string[] }[]> {
  const rows = await db
    .select({ id: studioAgents.id, version: studioAgents.currentVersion, builtin: studioAgents.builtin, updatedAt: studioAgents.updatedAt, config: studioAgentVersions.config })
    .from(studioAgents)
    .innerJoin(studioAgentVersions, and(eq(studioAgentVersions.agentId, studioAgents.id), eq(studioAgentVersions.version, studioAgents.currentVersion)))
    .orderBy(asc(studioAgents.id));
  const numbers = await db.select().from(studioPhoneNumbers).orderBy(asc(studioPhoneNumbers.number));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    name: r.config.name,
    purpose: r.config.purpose,
    builtin: r.builtin,
    updatedAt: r.updatedAt,
    numbers: numbers.filter((n) => n.agentId === r.id).map((n) => n.number),
  }));
}

export async function getAgent(db: Database, id: string): Promise<StoredAgent | null> {
  const [row] = await db
    .select({ id: studioAgents.id, version: studioAgents.currentVersion, builtin: studioAgents.builtin, updatedAt: studioAgents.updatedAt, config: studioAgentVersions.config })
    .from(studioAgents)
    .innerJoin(studioAgentVersions, and(eq(studioAgentVersions.agentId, studioAgents.id), eq(studioAgentVersions.version, studioAgents.currentVersion)))
    .where(eq(studioAgents.id, id));
  return row ?? null;
}

export async function getVersion(db: Database, agentId: string, version: number): Promise<StoredVersion | null> {
  const [row] = await db
    .select()
    .from(studioAgentVersions)
    .where(and(eq(studioAgentVersions.agentId, agentId), eq(studioAgentVersions.version, version)));
  return row ?? null;
}

/** Newest first, at most `limit`. */
export async function listVersions(db: Database, agentId: string, limit = 100): Promise<StoredVersion[]> {
  return db
    .select()
    .from(studioAgentVersions)
    .where(eq(studioAgentVersions.agentId, agentId))
    .orderBy(desc(studioAgentVersions.version))
    .limit(limit);
}

/** The current version of each agent named (missing agents are left out). */
export async function currentVersions(db: Database, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: studioAgents.id, version: studioAgents.currentVersion }).from(studioAgents).where(inArray(studioAgents.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Add version `baseVersion + 1`, if `baseVersion` is still the current one. */
export async function saveVersion(
  db: Database,
  input: { agentId: string; baseVersion: number; config: StudioAgentConfig; author: Author; rollbackOf?: number },
): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    const next = input.baseVersion + 1;
    const moved = await tx
      .update(studioAgents)
      .set({ currentVersion: next, updatedAt: new Date() })
      .where(and(eq(studioAgents.id, input.agentId), eq(studioAgents.currentVersion, input.baseVersion)))
      .returning({ id: studioAgents.id });
    if (moved.length === 0) {
      const [current] = await tx.select({ version: studioAgents.currentVersion }).from(studioAgents).where(eq(studioAgents.id, input.agentId));
      return current ? { ok: false as const, reason: 'stale' as const, currentVersion: current.version } : { ok: false as const, reason: 'not_found' as const };
    }
    await tx.insert(studioAgentVersions).values({
      agentId: input.agentId,
      version: next,
      config: input.config,
      authorId: input.author.id,
      authorName: input.author.name,
      rollbackOf: input.rollbackOf ?? null,
    });
    // Delivered on commit, to every instance LISTENing (PostgreSQL and PGlite alike).
    await tx.execute(sql`select pg_notify(${STUDIO_CHANNEL}, ${JSON.stringify({ agentId: input.agentId, version: next })})`);
    return { ok: true as const, version: next };
  });
}

// ---- phone numbers ----------------------------------------------------------------------------

export type PhoneNumberRow = { number: string; agentId: string; createdAt: Date; createdByName: string | null };

export async function listPhoneNumbers(db: Database): Promise<PhoneNumberRow[]> {
  return db
    .select({ number: studioPhoneNumbers.number, agentId: studioPhoneNumbers.agentId, createdAt: studioPhoneNumbers.createdAt, createdByName: users.name })
    .from(studioPhoneNumbers)
    .leftJoin(users, eq(users.id, studioPhoneNumbers.createdBy))
    .orderBy(asc(studioPhoneNumbers.number));
}

/** Map an E.164 number (already normalised) to an agent; a number maps to one agent only. */
export async function mapPhoneNumber(
  db: Database,
  input: { number: string; agentId: string; by: string | null },
): Promise<{ ok: true } | { ok: false; reason: 'taken'; agentId: string } | { ok: false; reason: 'no_agent' }> {
  return db.transaction(async (tx) => {
    const [agent] = await tx.select({ id: studioAgents.id }).from(studioAgents).where(eq(studioAgents.id, input.agentId));
    if (!agent) return { ok: false as const, reason: 'no_agent' as const };
    const inserted = await tx.insert(studioPhoneNumbers).values({ number: input.number, agentId: input.agentId, createdBy: input.by }).onConflictDoNothing().returning({ number: studioPhoneNumbers.number });
    if (inserted.length > 0) return { ok: true as const };
    const [existing] = await tx.select({ agentId: studioPhoneNumbers.agentId }).from(studioPhoneNumbers).where(eq(studioPhoneNumbers.number, input.number));
    return { ok: false as const, reason: 'taken' as const, agentId: existing?.agentId ?? '' };
  });
}

export async function unmapPhoneNumber(db: Database, number: string): Promise<boolean> {
  const removed = await db.delete(studioPhoneNumbers).where(eq(studioPhoneNumbers.number, number)).returning({ number: studioPhoneNumbers.number });
  return removed.length > 0;
}

/** The agent mapped to a number, and whether any number is mapped at all (a fresh install has none). */
export async function agentForNumber(db: Database, number: string): Promise<{ agentId: string | null; anyMapped: boolean }> {
  const [row] = await db.select({ agentId: studioPhoneNumbers.agentId }).from(studioPhoneNumbers).where(eq(studioPhoneNumbers.number, number));
  if (row) return { agentId: row.agentId, anyMapped: true };
  const [any] = await db.select({ n: sql<number>`1` }).from(studioPhoneNumbers).limit(1);
  return { agentId: null, anyMapped: any !== undefined };
}
