import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { strongCall, strongTags, weakCall } from '@/lib/practice/debrief/test-calls';
import { parseEnv } from '@/lib/server/env-schema';
import { exportScenarioJson } from '@/lib/practice/scenarios/import-export';
import { defaultScenario } from '@/agents/scenarios';
import { getRoleplayAgentConfigForSession } from '@/lib/server/services/session-agent';
import { buildClientInstructions } from '@/agents/prompts/roleplay-client';
import { runDebrief } from '@/lib/server/services/run-debrief';
import { must } from '@/lib/server/db/test-support/action-results';
import { insertTestUser, type TestActor } from '@/lib/server/db/test-support/test-users';
import * as actions from './practice';

// Everything runs as one signed-in member (cross-account refusals: ownership.test.ts).
const who = vi.hoisted(() => ({ actor: null as null | { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null } }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));
let ann: TestActor;

// runDebrief as is, wrapped in a spy so tests can count (and tell apart) debrief runs.
vi.mock('@/lib/server/services/run-debrief', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/services/run-debrief')>();
  return { ...original, runDebrief: vi.fn(original.runDebrief) };
});

/** The practice server actions end to end on PGlite, offline (local backend: rubric debriefs). */

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-actions-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('OPENAI_API_KEY', '');
vi.stubEnv('CUE_REALTIME_BACKEND', 'local');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));

beforeAll(async () => {
  await migrateDatabase(getDatabase(config()));
  ann = await insertTestUser(getDatabase(config()).db, { name: 'Ann' });
  who.actor = ann;
}, 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});


async function playCall(items: typeof strongCall, scenarioId = 'municipal-coo-sic') {
  const { session } = must(await actions.startPracticeSession({ scenarioId }));
  for (const i of items) {
    // ISO strings, as a client would send after JSON round trips
    const r = await actions.appendTranscriptItem({
      sessionId: session.id,
      itemId: i.itemId!,
      seq: i.seq!,
      speaker: i.speaker,
      text: i.text,
      startedAt: i.startedAt.toISOString(),
      endedAt: i.endedAt?.toISOString() ?? null,
    });
    expect(r).toEqual({ ok: true, data: { status: 'created' } });
  }
  return session;
}

describe('practice call actions', () => {
  it('refuse invalid input field by field before touching anything', async () => {
    const r = await actions.startPracticeSession({ scenarioId: 'Bad Id', difficulty: 'extreme' as never });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.fieldErrors?.map((e) => e.path)).toEqual(['scenarioId', 'difficulty']);
    const missing = await actions.startPracticeSession({ scenarioId: 'no-such-scenario' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const item = await actions.appendTranscriptItem({
      sessionId: 'not-a-uuid',
      itemId: 'i',
      seq: -1,
      speaker: 'user',
      text: '   ',
      startedAt: '2025-01-01T10:00:05Z',
      endedAt: '2025-01-01T10:00:00Z',
    });
    expect(item.ok ? [] : item.error.fieldErrors?.map((e) => e.path)).toEqual(['sessionId', 'seq', 'text', 'endedAt']);
    const order = await actions.appendTranscriptItem({
      sessionId: '00000000-0000-4000-8000-000000000000',
      itemId: 'i',
      seq: 0,
      speaker: 'user',
      text: 'hi',
      startedAt: '2025-01-01T10:00:05Z',
      endedAt: '2025-01-01T10:00:00Z',
    });
    expect(order.ok ? [] : order.error.fieldErrors).toEqual([{ path: 'endedAt', message: 'must not be before startedAt' }]);
  });

  it('run a whole call: start, save each utterance and tag, end with metrics and an offline debrief', async () => {
    const started = must(await actions.startPracticeSession({ scenarioId: 'municipal-coo-sic', difficulty: 'hard' }));
    expect(started).toMatchObject({ difficulty: 'hard', timeLimitSeconds: 600, scenario: defaultScenario() });
    const agent = await getRoleplayAgentConfigForSession({ sessionId: started.session.id, userId: ann.id });
    expect(agent?.instructions).toBe(buildClientInstructions(defaultScenario(), 'hard'));
    expect(agent?.turnDetection.silenceDurationMs).toBe(450);
    must(await actions.endPracticeSession({ sessionId: started.session.id }));
    expect(await getRoleplayAgentConfigForSession({ sessionId: started.session.id, userId: ann.id })).toBeNull();
    // A malformed id (the mint action takes any string) is "no such session", not a database error.
    expect(await getRoleplayAgentConfigForSession({ sessionId: 'not-a-session-id', userId: ann.id })).toBeNull();
    const session = await playCall(strongCall);
    for (const t of strongTags) {
      const { callId, itemId, createdAt: _createdAt, ...tag } = t;
      expect(must(await actions.recordTurnTag({ sessionId: session.id, callId, itemId, tag }))).toEqual({ status: 'created' });
    }
    expect(must(await actions.recordTurnTag({ sessionId: session.id, callId: 'call_1', tag: strongTags[0]! }))).toEqual({ status: 'duplicate' });
    const ended = must(await actions.endPracticeSession({ sessionId: session.id }));
    expect(ended.status).toBe('completed');
    expect(ended.endReason).toBe('user');
    expect(ended.debrief?.source).toBe('rubric');
    expect(ended.debrief?.score).toBe(9);
    expect(ended.score).toBe(9);
    expect(ended.metrics?.specifics.total).toBe(9);
    expect(ended.items).toHaveLength(strongCall.length);
    expect(ended.tags.map((t) => t.callId)).toEqual(['call_1', 'call_2', 'call_3']);
    const again = must(await actions.endPracticeSession({ sessionId: session.id, reason: 'time_limit' }));
    expect(again.debrief).toEqual(ended.debrief);
    expect(again.endReason).toBe('user');
    expect(await actions.endPracticeSession({ sessionId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('share one debrief between concurrent end calls', async () => {
    const session = await playCall(weakCall);
    // Every debrief run is told apart by its summary, so two runs cannot pass for one.
    const real = (await vi.importActual<typeof import('@/lib/server/services/run-debrief')>('@/lib/server/services/run-debrief')).runDebrief;
    const spy = vi.mocked(runDebrief);
    spy.mockClear();
    let run = 0;
    spy.mockImplementation(async (input, options) => ({ ...(await real(input, options)), summary: `debrief run ${++run}` }));
    try {
      const [a, b] = await Promise.all([actions.endPracticeSession({ sessionId: session.id }), actions.endPracticeSession({ sessionId: session.id })]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(must(a).debrief?.summary).toBe('debrief run 1');
      expect(must(a)).toEqual(must(b));
      expect(must(a).score).toBe(1);
      // a later end call returns the saved debrief without running another
      expect(must(await actions.endPracticeSession({ sessionId: session.id })).debrief?.summary).toBe('debrief run 1');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockImplementation(real);
    }
  });

  it('end a call in which the user said nothing without a score or debrief, and say so', async () => {
    const session = await playCall(weakCall.filter((i) => i.speaker === 'client'));
    vi.mocked(runDebrief).mockClear();
    const ended = must(await actions.endPracticeSession({ sessionId: session.id, reason: 'time_limit' }));
    expect(ended).toMatchObject({ status: 'nothing_said', endReason: 'time_limit', score: null, debrief: null, metrics: null, itemCount: 2 });
    expect(runDebrief).not.toHaveBeenCalled();
    // ending it again changes nothing
    expect(must(await actions.endPracticeSession({ sessionId: session.id }))).toEqual(ended);
    const [row] = must(await actions.listHistory({ limit: 1 }));
    expect(row).toMatchObject({ id: session.id, status: 'nothing_said', score: null });
    const md = must(await actions.exportSessionMarkdown({ sessionId: session.id })).markdown;
    expect(md).toContain('- Score: not scored (nothing was said)');
  });

  it('serve history, session detail, progress and a Markdown export', async () => {
    const unfinished = await playCall(weakCall.slice(0, 2), 'cio-outage-review');
    const history = must(await actions.listHistory());
    expect(history[0]).toMatchObject({ id: unfinished.id, status: 'unfinished', scenarioId: 'cio-outage-review', score: null, itemCount: 2 });
    expect(history.every((h, i) => i === 0 || history[i - 1]!.startedAt >= h.startedAt)).toBe(true);
    const coo = must(await actions.listHistory({ scenarioId: 'municipal-coo-sic' }));
    expect(coo.length).toBeGreaterThanOrEqual(3);
    expect(coo.every((h) => h.scenarioId === 'municipal-coo-sic')).toBe(true);
    expect(await actions.listHistory({ limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const progress = must(await actions.getProgress({ scenarioId: 'municipal-coo-sic' }));
    // the silent hard session (not scored), the strong call (9), the weak call (1), the silent time-limit call (not scored)
    expect(progress).toMatchObject({ attempts: 4, scoredAttempts: 2, firstScore: 9, bestScore: 9, latestScore: 1, trend: { recentAverage: 1, previousAverage: 9, delta: -8 } });
    expect(progress.scoreOverTime.map((p) => [p.attempt, p.difficulty, p.score])).toEqual([[1, 'medium', 9], [2, 'medium', 1]]);
    expect(progress.metricTrends.map((p) => p.attempt)).toEqual([1, 2]);
    expect(must(await actions.listProgress()).map((p) => p.scenarioId)).toEqual(['cio-outage-review', 'municipal-coo-sic']);

    const view = must(await actions.getHistoryView({}));
    expect(view.filter).toBeNull();
    expect(view.scenarios.map((p) => [p.scenarioId, p.attempts])).toEqual([['cio-outage-review', 1], ['municipal-coo-sic', 4]]);
    expect(view.progress.map((p) => [p.scenarioId, p.scoreOverTime.length])).toEqual([['cio-outage-review', 0], ['municipal-coo-sic', 2]]);
    expect(view.progress.every((p) => p.metricTrends.length === 0)).toBe(true);
    expect(view.sessions).toMatchObject({ page: 1, pageSize: 20, total: history.length, pageCount: 1 });
    expect(view.sessions.sessions.map((s) => s.id)).toEqual(history.map((h) => h.id));
    const filtered = must(await actions.getHistoryView({ scenarioId: 'municipal-coo-sic', page: 7 }));
    expect(filtered.progress.map((p) => p.metricTrends.length)).toEqual([2]);
    expect(filtered.sessions).toMatchObject({ page: 1, total: 4, pageCount: 1 });
    expect(filtered.sessions.sessions.every((s) => s.scenarioId === 'municipal-coo-sic')).toBe(true);
    expect(await actions.getHistoryView({ page: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const detail = must(await actions.getSession({ sessionId: unfinished.id }));
    expect(detail.items.map((i) => i.speaker)).toEqual(['client', 'user']);
    const md = must(await actions.exportSessionMarkdown({ sessionId: unfinished.id }));
    expect(md.fileName).toMatch(/^cue-practice-cio-outage-review-\d{8}-\d{4}\.md$/);
    expect(md.markdown).toContain('- Duration: unfinished (the call never ended)');
    expect(md.markdown).toContain("**[0:00] Priya Raman:** I've seen the numbers.");
    expect(await actions.getSession({ sessionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('scenario editor actions', () => {
  const base = defaultScenario();

  it('list built-ins first, then custom scenarios', async () => {
    const list = must(await actions.listScenarios());
    expect(list.slice(0, 3).map((e) => [e.source, e.scenario.id])).toEqual([
      ['builtin', 'municipal-coo-sic'],
      ['builtin', 'procurement-price-pushback'],
      ['builtin', 'cio-outage-review'],
    ]);
  });

  it('refuse an invalid scenario field by field and save nothing', async () => {
    const before = must(await actions.listScenarios()).length;
    const r = await actions.saveCustomScenario({ mode: 'create', scenario: { ...base, id: 'my-case', persona: { ...base.persona, role: '' }, hotButtons: [] } });
    expect(r.ok ? null : r.error).toEqual({
      code: 'invalid_input',
      message: 'The scenario has invalid fields. Nothing was saved.',
      fieldErrors: [
        { path: 'persona.role', message: 'Too small: expected string to have >=3 characters' },
        { path: 'hotButtons', message: 'Too small: expected array to have >=1 items' },
      ],
    });
    expect(must(await actions.listScenarios())).toHaveLength(before);
  });

  it('create, update, duplicate and delete; built-ins are read-only', async () => {
    const mine = { ...base, id: 'my-coo', title: 'My COO' };
    expect(must(await actions.saveCustomScenario({ mode: 'create', scenario: mine }))).toEqual({ source: 'custom', scenario: mine });
    expect(await actions.saveCustomScenario({ mode: 'create', scenario: mine })).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: [{ path: 'id' }] } });
    expect(await actions.saveCustomScenario({ mode: 'create', scenario: base })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await actions.saveCustomScenario({ mode: 'update', scenario: base })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await actions.saveCustomScenario({ mode: 'update', scenario: { ...mine, id: 'ghost-case' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(must(await actions.saveCustomScenario({ mode: 'update', scenario: { ...mine, timeLimitMinutes: 5 } })).scenario.timeLimitMinutes).toBe(5);

    const copy1 = must(await actions.duplicateScenario({ scenarioId: 'municipal-coo-sic' }));
    const copy2 = must(await actions.duplicateScenario({ scenarioId: 'municipal-coo-sic' }));
    expect([copy1.scenario.id, copy2.scenario.id]).toEqual(['municipal-coo-sic-copy', 'municipal-coo-sic-copy-2']);
    expect(copy1.scenario.title).toBe(`${base.title} (copy)`);
    expect(must(await actions.duplicateScenario({ scenarioId: 'my-coo', newId: 'my-coo-b', title: 'Bee case' })).scenario).toMatchObject({ id: 'my-coo-b', title: 'Bee case' });
    expect(await actions.duplicateScenario({ scenarioId: 'my-coo', title: 'B' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: [{ path: 'title' }] } });
    expect(await actions.duplicateScenario({ scenarioId: 'nope-nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // a session keeps its snapshot after its custom scenario is deleted
    const { session } = must(await actions.startPracticeSession({ scenarioId: 'my-coo-b' }));
    expect(await actions.deleteCustomScenario({ scenarioId: 'municipal-coo-sic' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(must(await actions.deleteCustomScenario({ scenarioId: 'my-coo-b' }))).toEqual({ scenarioId: 'my-coo-b' });
    expect(await actions.deleteCustomScenario({ scenarioId: 'my-coo-b' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(must(await actions.getSession({ sessionId: session.id })).scenario.title).toBe('Bee case');
    expect(await actions.getScenario({ scenarioId: 'my-coo-b' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('import and export JSON with conflict handling', async () => {
    const exported = must(await actions.exportScenario({ scenarioId: 'cio-outage-review' }));
    expect(exported.fileName).toBe('cio-outage-review.cue-scenario.json');
    expect(await actions.importScenario({ json: exported.json })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(must(await actions.importScenario({ json: exported.json, onConflict: 'copy' })).scenario.id).toBe('cio-outage-review-copy');
    expect(await actions.importScenario({ json: exported.json, onConflict: 'replace' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    const fresh = exportScenarioJson({ ...base, id: 'imported-case', title: 'Imported' });
    expect(must(await actions.importScenario({ json: fresh })).scenario.id).toBe('imported-case');
    const replaced = exportScenarioJson({ ...base, id: 'imported-case', title: 'Imported v2' });
    expect(must(await actions.importScenario({ json: replaced, onConflict: 'replace' })).scenario.title).toBe('Imported v2');
    const bad = await actions.importScenario({ json: '{"format":"cue-scenario","version":1,"scenario":{"id":"x"}}' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    expect(bad.ok ? [] : bad.error.fieldErrors?.slice(0, 2)).toEqual([
      { path: 'id', message: 'use 3-64 lowercase letters, digits and dashes, starting with a letter' },
      { path: 'title', message: 'Invalid input: expected string, received undefined' },
    ]);
  });
});
