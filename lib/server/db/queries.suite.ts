import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRubricDebrief } from '@/lib/practice/debrief/rubric';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import type { TurnTag } from '@/lib/contracts/turn-tag';
import { defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import type { Scenario } from '@/lib/contracts/scenario';
import { scoreTrend, trendFromAverages } from '@/lib/practice/history/progress';
import { closeDatabase, getDatabase, type DatabaseConfig, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import * as q from './queries';

/**
 * The query layer's test suite, run once per driver: queries.pglite.test.ts and
 * queries.postgres.test.ts set the environment, then call this.
 */

const coo = defaultScenario();
const cio = getBuiltinScenario('cio-outage-review')!;
const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);
const tag: TurnTag = { objection_type: 'Results', difficulty: 3, sentiment: 'skeptical', next_probe: 'Who owns it?' };

/** `config` must be the config the queries resolve from the environment (lib/server/env.ts), so both share one handle. */
export function defineQuerySuite(driver: 'pglite' | 'postgres', options: { resetSchema: boolean; config: () => DatabaseConfig }) {
  const { config } = options;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = getDatabase(config());
    expect(handle.driver).toBe(driver);
    if (options.resetSchema) {
      await handle.db.execute(sql`drop schema if exists drizzle cascade`);
      await handle.db.execute(sql`drop schema if exists public cascade`);
      await handle.db.execute(sql`create schema public`);
    }
    await migrateDatabase(handle);
    await migrateDatabase(handle); // applying twice is a no-op
  }, 60_000);

  beforeEach(async () => {
    await handle.db.execute(sql`truncate table practice_sessions, custom_scenarios cascade`);
  });

  afterAll(async () => {
    await closeDatabase(config());
  });

  const start = (scenario: Scenario = coo, startedAt = at(0), difficulty: 'easy' | 'medium' | 'hard' = 'medium') =>
    q.createPracticeSession({ scenario, difficulty, startedAt });

  describe(`practice sessions (${driver})`, () => {
    it('creates an unfinished session with a scenario snapshot', async () => {
      const s = await start();
      expect(s).toMatchObject({ scenarioId: 'municipal-coo-sic', difficulty: 'medium', endedAt: null, endReason: null, score: null, debrief: null, metrics: null });
      expect(s.startedAt.toISOString()).toBe(at(0).toISOString());
      const snapshot = (await q.getPracticeSessionById({ id: s.id }))?.scenario;
      // byte-for-byte, key order included: the author's order of facts reaches the prompt
      expect(JSON.stringify(snapshot)).toBe(JSON.stringify(coo));
    });

    it('appends transcript items idempotently on (session, item id)', async () => {
      const s = await start();
      const item = { sessionId: s.id, itemId: 'item_a', seq: 1, speaker: 'user' as const, text: 'We own it', startedAt: at(5) };
      expect(await q.appendTranscriptItem(item)).toBe('created');
      expect(await q.appendTranscriptItem(item)).toBe('updated');
      expect(await q.appendTranscriptItem({ ...item, text: 'We own it. Sarah leads.', endedAt: at(9) })).toBe('updated');
      expect(await q.appendTranscriptItem({ ...item, text: 'We own it. Sarah leads.', endedAt: null })).toBe('updated');
      const items = await q.listTranscriptItemsBySessionId({ sessionId: s.id });
      expect(items).toEqual([
        { sessionId: s.id, itemId: 'item_a', seq: 1, speaker: 'user', text: 'We own it. Sarah leads.', startedAt: at(5), endedAt: at(9), createdAt: expect.any(Date) },
      ]);
      expect(await q.appendTranscriptItem({ ...item, sessionId: '00000000-0000-4000-8000-000000000000' })).toBe('session_not_found');
    });

    it('returns the transcript in saved order with tags', async () => {
      const s = await start();
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'u1', seq: 2, speaker: 'user', text: 'Second', startedAt: at(6), endedAt: at(8) });
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'c1', seq: 1, speaker: 'client', text: 'First', startedAt: at(1), endedAt: at(4) });
      expect(await q.addTurnTag({ sessionId: s.id, callId: 'call_1', itemId: 'c1', tag })).toBe('created');
      expect(await q.addTurnTag({ sessionId: s.id, callId: 'call_1', itemId: 'c1', tag: { ...tag, difficulty: 5 } })).toBe('duplicate');
      expect(await q.addTurnTag({ sessionId: '00000000-0000-4000-8000-000000000000', callId: 'x', tag })).toBe('session_not_found');
      expect((await q.listTranscriptItemsBySessionId({ sessionId: s.id })).map((i) => i.itemId)).toEqual(['c1', 'u1']);
      expect(await q.listTurnTagsBySessionId({ sessionId: s.id })).toEqual([
        { sessionId: s.id, callId: 'call_1', itemId: 'c1', objectionType: 'Results', difficulty: 3, sentiment: 'skeptical', nextProbe: 'Who owns it?', createdAt: expect.any(Date) },
      ]);
      const [row] = await q.listPracticeSessionRows({ limit: 10, offset: 0 });
      expect(row).toMatchObject({ id: s.id, itemCount: 2, userItemCount: 1, lastActivityAt: at(8), hasDebrief: false });
      expect(await q.getPracticeSessionById({ id: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    });

    it('keeps everything already said when the connection dies mid-call', async () => {
      const s = await start();
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'c1', seq: 0, speaker: 'client', text: 'Explain.', startedAt: at(1) });
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'u1', seq: 1, speaker: 'user', text: 'We own the gap.', startedAt: at(3) });
      await closeDatabase(config()); // the server is killed: the pool/PGlite goes away without ending the session
      handle = getDatabase(config());
      expect((await q.getPracticeSessionById({ id: s.id }))?.endedAt).toBeNull();
      expect((await q.listTranscriptItemsBySessionId({ sessionId: s.id })).map((i) => i.text)).toEqual(['Explain.', 'We own the gap.']);
      const [listed] = await q.listPracticeSessionRows({ limit: 50, offset: 0 });
      expect(listed).toMatchObject({ id: s.id, endedAt: null, itemCount: 2, userItemCount: 1, lastActivityAt: at(3) });
    });

    it('ends once, then saves metrics, debrief and score', async () => {
      const s = await start();
      expect(await q.endPracticeSession({ sessionId: s.id, endedAt: at(125), endReason: 'user' })).toEqual({ id: s.id });
      expect(await q.endPracticeSession({ sessionId: s.id, endedAt: at(999), endReason: 'time_limit' })).toBeNull();
      expect(await q.getPracticeSessionById({ id: s.id })).toMatchObject({ endReason: 'user', endedAt: at(125), debrief: null });
      const metrics = computeDeliveryMetrics([]);
      const debrief = buildRubricDebrief({ scenario: coo, difficulty: 'medium', transcript: [], tags: [], metrics });
      expect(await q.savePracticeDebrief({ sessionId: s.id, metrics, debrief })).toBe(true);
      expect(await q.getPracticeSessionById({ id: s.id })).toMatchObject({ score: 1, metrics, debrief });
      expect((await q.listPracticeSessionRows({ limit: 1, offset: 0 }))[0]).toMatchObject({ hasDebrief: true, score: 1, itemCount: 0, userItemCount: 0, lastActivityAt: null });
    });

    it('lists history newest first, filtered by scenario, paged', async () => {
      const a = await start(coo, at(0));
      const b = await start(cio, at(60), 'hard');
      const c = await start(coo, at(120), 'easy');
      const ids = async (f: { scenarioId?: string; limit?: number; offset?: number }) =>
        (await q.listPracticeSessionRows({ limit: 50, offset: 0, ...f })).map((s) => s.id);
      expect(await ids({})).toEqual([c.id, b.id, a.id]);
      expect(await ids({ scenarioId: 'municipal-coo-sic' })).toEqual([c.id, a.id]);
      expect(await ids({ limit: 1, offset: 1 })).toEqual([b.id]);
      expect(await ids({ scenarioId: 'municipal-coo-sic', limit: 1, offset: 1 })).toEqual([a.id]);
      expect(await ids({ offset: 3 })).toEqual([]);
      expect(await ids({ scenarioId: 'nope' })).toEqual([]);
    });

    it('the database refuses out-of-range values even if validation is bypassed', async () => {
      const s = await start();
      await expect(q.addTurnTag({ sessionId: s.id, callId: 'bad', tag: { ...tag, difficulty: 9 } })).rejects.toSatisfy((e) => q.pgErrorCode(e) === '23514');
      await expect(
        q.appendTranscriptItem({ sessionId: s.id, itemId: 'x', seq: 0, speaker: 'narrator' as never, text: 'hi', startedAt: at(0) }),
      ).rejects.toSatisfy((e) => q.pgErrorCode(e) === '23514');
    });
  });

  describe(`progress (${driver})`, () => {
    const said = [{ speaker: 'user' as const, text: 'We own it, Sarah will own the fix by Friday?', startedAt: at(1), endedAt: at(5) }];
    /** A finished, scored attempt (the rubric's debrief with `score` put in). */
    const scored = async (scenario: Scenario, startedAt: Date, score: number, difficulty: 'easy' | 'medium' | 'hard' = 'medium') => {
      const s = await start(scenario, startedAt, difficulty);
      await q.endPracticeSession({ sessionId: s.id, endedAt: new Date(startedAt.getTime() + 60_000), endReason: 'user' });
      const metrics = computeDeliveryMetrics(said);
      const debrief = { ...buildRubricDebrief({ scenario, difficulty, transcript: said, tags: [], metrics }), score };
      await q.savePracticeDebrief({ sessionId: s.id, metrics, debrief });
      return s;
    };
    const custom = (id: string): Scenario => ({ ...coo, id });

    it('aggregates attempts, first vs best, latest and the trend per scenario in SQL', async () => {
      for (const [i, score] of [4, 6, 5, 8].entries()) await scored(coo, at(i * 3600), score);
      await start(coo, at(5 * 3600)); // unfinished attempt
      await start(cio, at(6 * 3600));
      const rows = await q.listScenarioProgressRows({ trendWindow: 3 });
      expect(rows).toEqual([
        { scenarioId: 'cio-outage-review', scenarioTitle: cio.title, attempts: 1, scoredAttempts: 0, firstScore: null, bestScore: null, latestScore: null, recentAverage: null, previousAverage: null, lastPracticedAt: at(6 * 3600) },
        { scenarioId: 'municipal-coo-sic', scenarioTitle: coo.title, attempts: 5, scoredAttempts: 4, firstScore: 4, bestScore: 8, latestScore: 8, recentAverage: 6.5, previousAverage: 5, lastPracticedAt: at(5 * 3600) },
      ]);
      expect(trendFromAverages(rows[1]!.recentAverage, rows[1]!.previousAverage)).toEqual({ recentAverage: 6.5, previousAverage: 5, delta: 1.5 });
      expect((await q.listScenarioProgressRows({ scenarioId: 'municipal-coo-sic', trendWindow: 3 })).map((r) => r.attempts)).toEqual([5]);
      expect(await q.listScenarioProgressRows({ scenarioId: 'nope', trendWindow: 3 })).toEqual([]);
      await expect(q.listScenarioProgressRows({ trendWindow: 0 })).rejects.toThrow(RangeError);
    });

    it('computes the same trend, first, best and latest as the reference definition for any series', async () => {
      const series = [[], [7], [3, 9], [9, 7, 6], [2, 4, 6, 8, 9, 10], [1, 1, 1, 1, 5, 5, 5, 8, 8, 8], [5, 3, 8, 8, 2, 7, 10, 1, 6]];
      for (const [n, scores] of series.entries()) {
        const scenario = custom(`trend-case-${n}`);
        await start(scenario, at(-1)); // an unscored attempt first: it is counted, never scored
        for (const [i, score] of scores.entries()) await scored(scenario, at(i * 60), score);
      }
      const rows = new Map((await q.listScenarioProgressRows({ trendWindow: 3 })).map((r) => [r.scenarioId, r]));
      for (const [n, scores] of series.entries()) {
        const r = rows.get(`trend-case-${n}`)!;
        expect({ n, attempts: r.attempts, scored: r.scoredAttempts, first: r.firstScore, best: r.bestScore, latest: r.latestScore }).toEqual({
          n,
          attempts: scores.length + 1,
          scored: scores.length,
          first: scores[0] ?? null,
          best: scores.length ? Math.max(...scores) : null,
          latest: scores.at(-1) ?? null,
        });
        expect({ n, trend: trendFromAverages(r.recentAverage, r.previousAverage) }).toEqual({ n, trend: scoreTrend(scores) });
      }
    });

    it('bounds chart points to the latest N scored attempts plus the first and the earliest best', async () => {
      const scores = [3, 9, 2, 4, 5, 6, 4, 7, 5, 9];
      for (const [i, score] of scores.entries()) {
        await scored(coo, at(i * 3600), score, i === 1 ? 'hard' : 'medium');
        if (i === 4) await start(coo, at(i * 3600 + 60)); // unscored: not a chart point, not numbered
      }
      await scored(cio, at(99), 6);
      const progress = await q.listScenarioProgressRows({ trendWindow: 3 });
      const points = await q.listScorePointRows({ scenarios: progress, latest: 4 });
      expect(points.map((p) => [p.scenarioId, p.attempt, p.score])).toEqual([
        ['cio-outage-review', 1, 6],
        ['municipal-coo-sic', 1, 3],
        ['municipal-coo-sic', 2, 9],
        ['municipal-coo-sic', 7, 4],
        ['municipal-coo-sic', 8, 7],
        ['municipal-coo-sic', 9, 5],
        ['municipal-coo-sic', 10, 9],
      ]);
      expect(points[2]).toMatchObject({ difficulty: 'hard', startedAt: at(3600), sessionId: expect.any(String) });
      const cooOnly = progress.filter((p) => p.scenarioId === 'municipal-coo-sic');
      expect((await q.listScorePointRows({ scenarios: cooOnly, latest: 50 })).map((p) => p.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await q.listScorePointRows({ scenarios: [], latest: 4 })).toEqual([]);
      await expect(q.listScorePointRows({ scenarios: cooOnly, latest: 0 })).rejects.toThrow(RangeError);

      const metrics = await q.listMetricPointRows({ scenarioId: 'municipal-coo-sic', latest: 3 });
      expect(metrics.map((m) => m.attempt)).toEqual([8, 9, 10]);
      // 10 words in 4 s -> 150 wpm; specifics: the owner and the date
      expect(metrics[0]?.metrics).toMatchObject({ wordsPerMinute: 150, questionsAsked: 1, specifics: { total: 2 } });
      expect(await q.listMetricPointRows({ scenarioId: 'nope', latest: 3 })).toEqual([]);
    });
  });

  describe(`custom scenarios (${driver})`, () => {
    const custom = (id: string, title: string): Scenario => ({ ...structuredClone(coo), id, title });

    it('creates, refuses a taken id, lists by title, updates and deletes', async () => {
      expect((await q.createCustomScenario({ scenario: custom('zeta-case', 'Zeta case') }))?.scenario.id).toBe('zeta-case');
      expect(await q.createCustomScenario({ scenario: custom('zeta-case', 'Other') })).toBeNull();
      await q.createCustomScenario({ scenario: custom('alpha-case', 'Alpha case') });
      expect((await q.listCustomScenarios()).map((r) => r.scenario.id)).toEqual(['alpha-case', 'zeta-case']);
      const updated = await q.updateCustomScenario({ scenario: custom('alpha-case', 'Alpha case, revised') });
      expect(updated?.scenario.title).toBe('Alpha case, revised');
      expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(updated!.createdAt.getTime());
      expect(JSON.stringify((await q.getCustomScenarioById({ id: 'alpha-case' }))?.scenario)).toBe(JSON.stringify(custom('alpha-case', 'Alpha case, revised')));
      expect(await q.updateCustomScenario({ scenario: custom('missing-case', 'Missing') })).toBeNull();
      expect(await q.deleteCustomScenarioById({ id: 'zeta-case' })).toBe(true);
      expect(await q.deleteCustomScenarioById({ id: 'zeta-case' })).toBe(false);
      expect(await q.getCustomScenarioById({ id: 'zeta-case' })).toBeNull();
    });
  });
}
