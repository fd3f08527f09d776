import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { exportScenarioJson } from '@/lib/practice/scenarios/import-export';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { insertTwoTeams, must, REFUSED } from '@/lib/server/db/test-support/action-results';
import { type TestActor } from '@/lib/server/db/test-support/test-users';
import * as accounts from './accounts';
import * as admin from './admin';
import * as live from './live';
import * as practice from './practice';
import * as realtime from './realtime';
import * as review from './review';
import * as settings from './settings';

/**
 * The seven holes of issue 10, each closed: a second account cannot list the first one's practice
 * sessions, read a transcript, add or overwrite transcript items, end their call, mint for their
 * session, replace or delete their custom scenario, or read or delete their saved meetings.
 * Also: every action refuses a signed-out caller, and a coach sees (and reviews) only their team.
 * The session cookie is the one thing faked: currentActor says who is asking.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-ownership-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('OPENAI_API_KEY', '');
vi.stubEnv('CUE_REALTIME_BACKEND', 'local');
vi.stubEnv('CUE_ENGINE_SECRET', 'ownership-test-engine-secret-0123456789');
vi.stubEnv('CUE_DATA_DIR', dataDir);
vi.stubEnv('CUE_MINT_RATE_LIMIT_PER_MINUTE', '3');
const config = () => databaseConfigFromEnv(parseEnv(process.env));

const who = vi.hoisted(() => ({ actor: null as null | { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null } }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));
vi.mock('@/lib/server/model-access/client-key', () => ({ requestClientIp: async () => '10.0.0.9' }));
// The engine's health check, for the one mint that is allowed.
vi.stubGlobal('fetch', async () => new Response('{"ok":true}', { status: 200 }));

let ann: TestActor; // member of team A
let eve: TestActor; // member of team B: the second account of the seven holes
let cody: TestActor; // coach of team A
let admina: TestActor;
const as = (a: TestActor | null) => (who.actor = a);

beforeAll(async () => {
  await migrateDatabase(getDatabase(config()));
  ({ ann, eve, cody, admina } = await insertTwoTeams(getDatabase(config()).db));
}, 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

const refused = REFUSED;
/** A realistic meeting time (dates are bounded: 2000 to a day ahead). */
const T0 = Date.UTC(2026, 0, 1, 10);
const item = (sessionId: string, itemId: string, text: string) => ({ sessionId, itemId, seq: 0, speaker: 'user' as const, text, startedAt: new Date(Date.UTC(2026, 0, 1, 10)) });

async function annPractises() {
  as(ann);
  const { session } = must(await practice.startPracticeSession({ scenarioId: 'municipal-coo-sic' }));
  must(await practice.appendTranscriptItem(item(session.id, 'u1', 'We own this gap, it is on us.')));
  return session.id;
}

describe('a second account cannot touch the first one’s data (the seven holes)', () => {
  it('1. list their practice sessions (history, view, progress)', async () => {
    const id = await annPractises();
    as(eve);
    expect(must(await practice.listHistory()).map((s) => s.id)).not.toContain(id);
    const view = must(await practice.getHistoryView({ page: 1, person: ann.id }));
    expect(view.sessions.total).toBe(0);
    expect(must(await practice.listProgress())).toEqual([]);
    expect(must(await practice.getProgress({ scenarioId: 'municipal-coo-sic' })).attempts).toBe(0);
    as(ann);
    expect(must(await practice.listHistory()).map((s) => s.id)).toContain(id);
  });

  it('2. read a transcript (session page, Markdown export, review)', async () => {
    const id = await annPractises();
    as(eve);
    expect(await practice.getSession({ sessionId: id })).toMatchObject(refused);
    expect(await practice.exportSessionMarkdown({ sessionId: id })).toMatchObject(refused);
    expect(await review.getSessionReview({ sessionId: id })).toMatchObject(refused);
  });

  it('3. add or overwrite items in their transcript, or tag its turns', async () => {
    const id = await annPractises();
    as(eve);
    expect(await practice.appendTranscriptItem(item(id, 'u1', 'overwritten by Eve'))).toMatchObject(refused);
    expect(await practice.appendTranscriptItem(item(id, 'u2', 'added by Eve'))).toMatchObject(refused);
    const tag = { objection_type: 'Results' as const, difficulty: 3, sentiment: 'skeptical' as const, next_probe: 'x' };
    expect(await practice.recordTurnTag({ sessionId: id, callId: 'c1', tag })).toMatchObject(refused);
    as(ann);
    expect(must(await practice.getSession({ sessionId: id })).items.map((i) => i.text)).toEqual(['We own this gap, it is on us.']);
  });

  it('4. end their call (which would fix its debrief) or delete their session', async () => {
    const id = await annPractises();
    as(eve);
    expect(await practice.endPracticeSession({ sessionId: id })).toMatchObject(refused);
    expect(await practice.deletePracticeSession({ sessionId: id })).toMatchObject(refused);
    as(ann);
    expect(must(await practice.getSession({ sessionId: id })).status).toBe('unfinished');
  });

  it('5. mint a realtime secret for their practice session; minting needs an account', async () => {
    const id = await annPractises();
    as(eve);
    expect(await realtime.mintClientSecret({ agentId: 'roleplay-client', practiceSessionId: id })).toMatchObject(refused);
    as(null);
    expect(await realtime.mintClientSecret({ agentId: 'hint-assistant' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    as(ann);
    expect(must(await realtime.mintClientSecret({ agentId: 'roleplay-client', practiceSessionId: id })).agentId).toBe('roleplay-client');
  });

  it('5b. the mint rate limit counts per account: one account using up its limit leaves another its own', async () => {
    as(cody);
    for (let i = 0; i < 3; i++) must(await realtime.mintClientSecret({ agentId: 'hint-assistant' }));
    expect(await realtime.mintClientSecret({ agentId: 'hint-assistant' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    as(eve);
    expect(must(await realtime.mintClientSecret({ agentId: 'hint-assistant' })).agentId).toBe('hint-assistant');
  });

  it('6. replace or delete their custom scenario (save, import with replace, delete, read)', async () => {
    as(ann);
    const mine = { ...defaultScenario(), id: 'anns-case', title: "Ann's case" };
    must(await practice.saveCustomScenario({ mode: 'create', scenario: mine }));
    as(eve);
    const hijack = { ...mine, title: 'Eve was here' };
    expect(await practice.saveCustomScenario({ mode: 'update', scenario: hijack })).toMatchObject(refused);
    expect(await practice.saveCustomScenario({ mode: 'create', scenario: hijack })).toMatchObject(refused);
    expect(await practice.importScenario({ json: exportScenarioJson(hijack), onConflict: 'replace' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await practice.deleteCustomScenario({ scenarioId: mine.id })).toMatchObject(refused);
    expect(await practice.exportScenario({ scenarioId: mine.id })).toMatchObject(refused);
    expect(must(await practice.listScenarios()).map((e) => e.scenario.id)).not.toContain(mine.id);
    expect(await practice.startPracticeSession({ scenarioId: mine.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    as(ann);
    expect(must(await practice.getScenario({ scenarioId: mine.id })).scenario.title).toBe("Ann's case");
  });

  it('7. read, list, overwrite or delete their saved meetings', async () => {
    as(ann);
    const id = '77777777-7777-4777-8777-777777777777';
    const meeting = { id, title: 'Board prep', agentId: 'hint-assistant', backend: 'local' as const, model: null, voice: null, startedAt: T0, endedAt: T0 + 60_000, lines: [{ id: 'u1', role: 'user' as const, text: 'Budget', at: T0 + 1_000 }] };
    must(await live.saveLiveSession(meeting));
    as(eve);
    expect(await live.getLiveSession({ id })).toMatchObject(refused);
    expect(must(await live.listLiveSessions())).toEqual([]);
    expect(await live.saveLiveSession({ ...meeting, title: 'Eve was here' })).toMatchObject(refused);
    expect(await live.deleteLiveSession({ id })).toMatchObject(refused);
    as(ann);
    expect(must(await live.getLiveSession({ id })).title).toBe('Board prep');
    expect(must(await live.deleteLiveSession({ id }))).toEqual({ id });
  });
});

describe('one guard for every action', () => {
  const PUBLIC = new Set(['accounts.signIn', 'accounts.setUpOwner', 'accounts.acceptInvitation']);
  const modules = { accounts, admin, live, practice, realtime, review, settings };

  it('every action but signing in refuses a signed-out caller, before reading its input', async () => {
    as(null);
    const checked: string[] = [];
    for (const [name, mod] of Object.entries(modules)) {
      for (const [fn, action] of Object.entries(mod)) {
        if (typeof action !== 'function' || PUBLIC.has(`${name}.${fn}`)) continue;
        const r = (await (action as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)({ junk: '\u0000' })) ?? {};
        expect(r, `${name}.${fn}`).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
        checked.push(`${name}.${fn}`);
      }
    }
    expect(checked.length).toBeGreaterThan(30);
  });

  it('admin actions are forbidden to members and coaches', async () => {
    for (const a of [ann, cody]) {
      as(a);
      expect(await admin.getAdminView()).toMatchObject(refused);
      expect(await admin.createInvitation({ role: 'admin' })).toMatchObject(refused);
      expect(await admin.setUserAccess({ userId: a.id, role: 'admin' })).toMatchObject(refused);
    }
    as(admina);
    expect(must(await admin.getAdminView()).accounts.map((a) => a.name)).toEqual(expect.arrayContaining(['Ann', 'Eve', 'Cody']));
  });
});

describe('coach review', () => {
  it("a coach sees and reviews their team's sessions, not other teams'; the member sees the review", async () => {
    const id = await annPractises();
    as(eve);
    const { session: evesSession } = must(await practice.startPracticeSession({ scenarioId: 'municipal-coo-sic' }));
    as(cody);
    expect(must(await practice.listHistory()).map((s) => s.id)).toEqual(expect.arrayContaining([id]));
    expect(must(await practice.listHistory()).map((s) => s.id)).not.toContain(evesSession.id);
    expect(must(await practice.getSession({ sessionId: id })).items).toHaveLength(1);
    expect(await practice.getSession({ sessionId: evesSession.id })).toMatchObject(refused);
    // read, not write: a coach cannot end or change the member's call
    expect(await practice.endPracticeSession({ sessionId: id })).toMatchObject(refused);
    must(await review.setCoachScore({ sessionId: id, score: 7 }));
    must(await review.addCoachComment({ sessionId: id, itemId: 'u1', body: 'Good: you owned it first.' }));
    expect(await review.addCoachComment({ sessionId: id, itemId: 'nope', body: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await review.setCoachScore({ sessionId: evesSession.id, score: 1 })).toMatchObject(refused);
    as(ann);
    const seen = must(await review.getSessionReview({ sessionId: id }));
    expect(seen).toMatchObject({ coachScore: { score: 7, coachName: 'Cody' }, comments: [{ itemId: 'u1', body: 'Good: you owned it first.', coachName: 'Cody' }], canReview: false, isOwner: true });
    // the coach's score is the session's score in the history list (and progress); cleared, the rubric's is back
    expect(must(await practice.listHistory()).find((s) => s.id === id)?.score).toBe(7);
    // the member cannot review their own session
    expect(await review.setCoachScore({ sessionId: id, score: 10 })).toMatchObject(refused);
    as(cody);
    must(await review.setCoachScore({ sessionId: id, score: null }));
    expect(must(await practice.listHistory()).find((s) => s.id === id)?.score).toBeNull();
  });
});
