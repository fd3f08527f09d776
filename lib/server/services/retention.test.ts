import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { liveSessions, practiceSessions, transcriptItems } from '@/lib/server/db/schema';
import { getRetentionSetting, saveRetentionSetting, startRetentionSweeps, sweepRetention, SWEEP_INTERVAL_MS } from './retention';

/** Retention on PGlite with a fake clock: what is older than the setting goes, the rest stays. */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = createDatabase({ pgliteDir: 'memory://retention' });
  await migrateDatabase(handle);
}, 60_000);
afterAll(() => handle.close());

const NOW = new Date(Date.UTC(2026, 11, 1, 12));
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

async function seed(startedAt: Date) {
  const scenario = defaultScenario();
  const [s] = await handle.db.insert(practiceSessions).values({ scenarioId: scenario.id, scenarioTitle: scenario.title, scenario, difficulty: 'medium', startedAt }).returning();
  await handle.db.insert(transcriptItems).values({ sessionId: s!.id, itemId: 'i1', seq: 0, speaker: 'user', text: 'hello', startedAt });
  await handle.db.insert(liveSessions).values({ id: crypto.randomUUID(), title: 't', agentId: 'hint-assistant', backend: 'local', startedAt, endedAt: startedAt, lineCount: 0, hintCount: 0, lines: [] });
  return s!.id;
}

describe('retention', () => {
  it('keeps everything until a period is set; then deletes sessions, their transcripts and live meetings older than it', async () => {
    const old = await seed(daysAgo(40));
    const recent = await seed(daysAgo(5));
    expect(await getRetentionSetting(handle.db)).toEqual({ days: null });
    expect(await sweepRetention(handle.db, NOW)).toMatchObject({ retentionDays: null, practiceSessions: 0, liveSessions: 0 });

    await saveRetentionSetting(handle.db, { days: 30 });
    expect(await getRetentionSetting(handle.db)).toEqual({ days: 30 });
    expect(await sweepRetention(handle.db, NOW)).toMatchObject({ retentionDays: 30, practiceSessions: 1, liveSessions: 1 });
    const left = await handle.db.select({ id: practiceSessions.id }).from(practiceSessions);
    expect(left.map((r) => r.id)).toEqual([recent]);
    const items = await handle.db.select({ sessionId: transcriptItems.sessionId }).from(transcriptItems);
    expect(items.map((i) => i.sessionId)).toEqual([recent]);
    expect(items.some((i) => i.sessionId === old)).toBe(false);

    // Twenty-six days later the recent one is past 30 days too.
    expect(await sweepRetention(handle.db, new Date(NOW.getTime() + 26 * 86_400_000))).toMatchObject({ practiceSessions: 1, liveSessions: 1 });
    await saveRetentionSetting(handle.db, { days: null });
    expect(await getRetentionSetting(handle.db)).toEqual({ days: null });
  });

  it('sweeps when started and every hour after, and a failing sweep does not stop the next', async () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      let calls = 0;
      const sweep = vi.fn(async () => {
        calls += 1;
        if (calls === 2) throw new Error('database is not answering');
        return { retentionDays: 30, practiceSessions: calls, liveSessions: 0, counters: 0, usage: 0 };
      });
      const s = startRetentionSweeps({ sweep, log: (l) => lines.push(l) });
      await s.ran;
      expect(sweep).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS - 1);
      expect(sweep).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sweep).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
      expect(sweep).toHaveBeenCalledTimes(3);
      s.stop();
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS * 3);
      expect(sweep).toHaveBeenCalledTimes(3);
      expect(lines).toEqual([
        '[retention] deleted 1 practice sessions and 0 live meetings older than 30 days',
        '[retention] sweep failed (next one in an hour): database is not answering',
        '[retention] deleted 3 practice sessions and 0 live meetings older than 30 days',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
