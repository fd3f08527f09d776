import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRubricDebrief } from '@/lib/practice/debrief/rubric';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import type { TurnTag } from '@/lib/contracts/turn-tag';
import { defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import type { Scenario } from '@/lib/contracts/scenario';
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
      expect(s).toMatchObject({ scenarioId: 'municipal-coo-sic', difficulty: 'medium', status: 'unfinished', score: null, durationSeconds: null, itemCount: 0 });
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
      const detail = await q.getPracticeSessionById({ id: s.id });
      expect(detail?.items).toEqual([{ itemId: 'item_a', seq: 1, speaker: 'user', text: 'We own it. Sarah leads.', startedAt: at(5), endedAt: at(9) }]);
      expect(await q.appendTranscriptItem({ ...item, sessionId: '00000000-0000-4000-8000-000000000000' })).toBe('session_not_found');
    });

    it('returns the transcript in conversation order with tags', async () => {
      const s = await start();
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'u1', seq: 2, speaker: 'user', text: 'Second', startedAt: at(6), endedAt: at(8) });
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'c1', seq: 1, speaker: 'client', text: 'First', startedAt: at(1), endedAt: at(4) });
      expect(await q.addTurnTag({ sessionId: s.id, callId: 'call_1', itemId: 'c1', tag })).toBe('created');
      expect(await q.addTurnTag({ sessionId: s.id, callId: 'call_1', itemId: 'c1', tag: { ...tag, difficulty: 5 } })).toBe('duplicate');
      expect(await q.addTurnTag({ sessionId: '00000000-0000-4000-8000-000000000000', callId: 'x', tag })).toBe('session_not_found');
      const d = await q.getPracticeSessionById({ id: s.id });
      expect(d?.items.map((i) => i.itemId)).toEqual(['c1', 'u1']);
      expect(d?.tags).toEqual([{ ...tag, callId: 'call_1', itemId: 'c1', createdAt: expect.any(Date) }]);
      expect(d?.itemCount).toBe(2);
      expect(d?.lastActivityAt).toEqual(at(8));
      expect(await q.getPracticeSessionById({ id: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    });

    it('keeps everything already said when the connection dies mid-call', async () => {
      const s = await start();
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'c1', seq: 0, speaker: 'client', text: 'Explain.', startedAt: at(1) });
      await q.appendTranscriptItem({ sessionId: s.id, itemId: 'u1', seq: 1, speaker: 'user', text: 'We own the gap.', startedAt: at(3) });
      await closeDatabase(config()); // the server is killed: the pool/PGlite goes away without ending the session
      handle = getDatabase(config());
      const d = await q.getPracticeSessionById({ id: s.id });
      expect(d?.status).toBe('unfinished');
      expect(d?.items.map((i) => i.text)).toEqual(['Explain.', 'We own the gap.']);
      const [listed] = await q.listPracticeSessions();
      expect(listed).toMatchObject({ id: s.id, status: 'unfinished', itemCount: 2, durationSeconds: null, lastActivityAt: at(3) });
    });

    it('ends once, then saves metrics, debrief and score', async () => {
      const s = await start();
      expect(await q.endPracticeSession({ sessionId: s.id, endedAt: at(125), endReason: 'user' })).toEqual({ id: s.id });
      expect(await q.endPracticeSession({ sessionId: s.id, endedAt: at(999), endReason: 'time_limit' })).toBeNull();
      let d = await q.getPracticeSessionById({ id: s.id });
      expect(d).toMatchObject({ status: 'debrief_pending', endReason: 'user', durationSeconds: 125, endedAt: at(125) });
      const metrics = computeDeliveryMetrics([]);
      const debrief = buildRubricDebrief({ scenario: coo, difficulty: 'medium', transcript: [], tags: [], metrics });
      expect(await q.savePracticeDebrief({ sessionId: s.id, metrics, debrief })).toBe(true);
      d = await q.getPracticeSessionById({ id: s.id });
      expect(d).toMatchObject({ status: 'completed', score: 1, metrics, debrief });
    });

    it('lists history newest first, filtered by scenario, paged', async () => {
      const a = await start(coo, at(0));
      const b = await start(cio, at(60), 'hard');
      const c = await start(coo, at(120), 'easy');
      expect((await q.listPracticeSessions()).map((s) => s.id)).toEqual([c.id, b.id, a.id]);
      expect((await q.listPracticeSessions({ scenarioId: 'municipal-coo-sic' })).map((s) => s.id)).toEqual([c.id, a.id]);
      expect((await q.listPracticeSessions({ limit: 1, offset: 1 })).map((s) => s.id)).toEqual([b.id]);
      expect(await q.listPracticeSessions({ scenarioId: 'nope' })).toEqual([]);
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
    it('reports attempts, first vs best, trend and metric trends per scenario', async () => {
      const scores = [4, 6, 5, 8];
      for (const [i, score] of scores.entries()) {
        const s = await start(coo, at(i * 3600));
        await q.appendTranscriptItem({ sessionId: s.id, itemId: 'u', seq: 0, speaker: 'user', text: 'We own it, Sarah will own the fix by Friday?', startedAt: at(i * 3600 + 1), endedAt: at(i * 3600 + 5) });
        await q.endPracticeSession({ sessionId: s.id, endedAt: at(i * 3600 + 60), endReason: 'user' });
        const metrics = computeDeliveryMetrics([{ speaker: 'user', text: 'We own it, Sarah will own the fix by Friday?', startedAt: at(1), endedAt: at(5) }]);
        const debrief = { ...buildRubricDebrief({ scenario: coo, difficulty: 'medium', transcript: [], tags: [], metrics }), score };
        await q.savePracticeDebrief({ sessionId: s.id, metrics, debrief });
      }
      await start(coo, at(5 * 3600)); // unfinished attempt
      await start(cio, at(6 * 3600));
      const p = await q.getScenarioProgress({ scenarioId: 'municipal-coo-sic' });
      expect(p).toMatchObject({ scenarioTitle: coo.title, attempts: 5, scoredAttempts: 4, firstScore: 4, bestScore: 8, latestScore: 8 });
      expect(p.trend).toEqual({ recentAverage: 6.5, previousAverage: 5, delta: 1.5 });
      expect(p.scoreOverTime.map((x) => x.score)).toEqual([4, 6, 5, 8]);
      expect(p.metricTrends).toHaveLength(4);
      // 10 words in 4 s -> 150 wpm; specifics: the owner and the date
      expect(p.metricTrends[0]).toMatchObject({ wordsPerMinute: 150, questionsAsked: 1, specifics: 2, talkRatioPercent: 100 });
      const all = await q.listScenarioProgress();
      expect(all.map((x) => [x.scenarioId, x.attempts, x.firstScore, x.bestScore])).toEqual([
        ['cio-outage-review', 1, null, null],
        ['municipal-coo-sic', 5, 4, 8],
      ]);
      expect(await q.getScenarioProgress({ scenarioId: 'nope' })).toMatchObject({ attempts: 0, firstScore: null, trend: null, scoreOverTime: [] });
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
