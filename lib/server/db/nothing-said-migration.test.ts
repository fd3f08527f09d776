import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import { buildRubricDebrief } from '@/lib/practice/debrief/rubric';
import { createDatabase } from './client';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';
import { practiceSessions, transcriptItems } from './schema';

/** Migration 0002 clears the placeholder 1/10 debrief of calls that ended before the user said anything. */

const dir = mkdtempSync(path.join(tmpdir(), 'cue-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The committed migrations up to (not including) `tag`, as a folder drizzle can apply. */
function migrationsBefore(tag: string): string {
  const folder = path.join(dir, 'before');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe('migration 0003_nothing_said_unscored', () => {
  it('unscores ended calls without a user utterance and leaves every other session alone', async () => {
    const handle = createDatabase({ pgliteDir: 'memory://' });
    try {
      await migrateDatabase(handle, migrationsBefore('0003_nothing_said_unscored'));
      const scenario = defaultScenario();
      const metrics = computeDeliveryMetrics([]);
      const placeholder = buildRubricDebrief({ scenario, difficulty: 'medium', transcript: [], tags: [], metrics });
      expect(placeholder.score).toBe(1);
      const base = { scenarioId: scenario.id, scenarioTitle: scenario.title, scenario, difficulty: 'medium' as const, startedAt: new Date(Date.UTC(2025, 0, 1)) };
      const ended = { endedAt: new Date(Date.UTC(2025, 0, 1, 0, 1)), endReason: 'user' as const };
      // The current schema writes user_id (migration 0005): add it for these inserts, drop it before migrating on.
      await handle.db.execute(sql`alter table practice_sessions add column user_id text`);
      const rows = await handle.db
        .insert(practiceSessions)
        .values([
          { ...base, ...ended, metrics, debrief: placeholder, score: 1 }, // client spoke, the user never did
          { ...base, ...ended, metrics, debrief: placeholder, score: 1 }, // nothing saved at all
          { ...base, ...ended, metrics, debrief: { ...placeholder, score: 6 }, score: 6 }, // the user spoke
          { ...base }, // unfinished
        ])
        .returning({ id: practiceSessions.id });
      const [clientOnly, empty, spoke, unfinished] = rows.map((r) => r.id) as [string, string, string, string];
      const say = (sessionId: string, speaker: 'user' | 'client', itemId: string) =>
        handle.db.insert(transcriptItems).values({ sessionId, itemId, seq: 0, speaker, text: 'Explain the numbers.', startedAt: base.startedAt });
      await say(clientOnly, 'client', 'c1');
      await say(spoke, 'client', 'c1');
      await say(spoke, 'user', 'u1');
      await say(unfinished, 'user', 'u1');

      await handle.db.execute(sql`alter table practice_sessions drop column user_id`);
      await migrateDatabase(handle);
      const after = async (id: string) =>
        (await handle.db.select({ score: practiceSessions.score, debrief: practiceSessions.debrief, metrics: practiceSessions.metrics, endedAt: practiceSessions.endedAt }).from(practiceSessions).where(eq(practiceSessions.id, id)))[0];
      expect(await after(clientOnly)).toEqual({ score: null, debrief: null, metrics: null, endedAt: ended.endedAt });
      expect(await after(empty)).toEqual({ score: null, debrief: null, metrics: null, endedAt: ended.endedAt });
      expect(await after(spoke)).toMatchObject({ score: 6, debrief: { score: 6 }, metrics });
      expect(await after(unfinished)).toEqual({ score: null, debrief: null, metrics: null, endedAt: null });
    } finally {
      await handle.close();
    }
  }, 60_000);
});
