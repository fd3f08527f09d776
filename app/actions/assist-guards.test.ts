import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as suggest } from '@/app/api/assist/suggest/route';
import { actionsOf, getCall } from '@/lib/server/db/assist-call-queries';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { insertTwoTeams, must, REFUSED, SIGNED_OUT } from '@/lib/server/db/test-support/action-results';
import { type TestActor } from '@/lib/server/db/test-support/test-users';
import * as assist from './assist';

/**
 * Agent assist behind accounts (issue 10): a call belongs to the agent who started it; another
 * agent can neither read nor act on it, a coach reads (never acts on) their team's calls, the
 * supervisor view is for coaches and admins, the CSV import for admins, and a signed-out caller
 * gets `unauthenticated` everywhere. The session cookie is the one thing faked.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-assist-guards-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));

const who = vi.hoisted(() => ({ actor: null as null | { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null } }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));

let ann: TestActor; // member, team A: the agent on the call
let eve: TestActor; // member, team B: the second account
let cody: TestActor; // coach, team A
let bea: TestActor; // coach, team B
let admina: TestActor;
const as = (a: TestActor | null) => (who.actor = a);

beforeAll(async () => {
  await migrateDatabase(getDatabase(config()));
  ({ ann, eve, cody, bea, admina } = await insertTwoTeams(getDatabase(config()).db));
}, 120_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

const refused = REFUSED;
const signedOut = SIGNED_OUT;
const turn = (callId: string) => ({ callId, speaker: 'customer' as const, source: 'typed' as const, text: 'My order has not arrived.' });

describe('agent assist calls belong to their agent', () => {
  it('startAssistCall records the agent; another agent can neither read nor act on the call', async () => {
    as(ann);
    const call = must(await assist.startAssistCall({ callType: 'order_issue' }));
    expect((await getCall(getDatabase(config()).db, call.id))?.agentUserId).toBe(ann.id);
    must(await assist.addAssistTurn(turn(call.id)));

    as(eve);
    expect(await assist.addAssistTurn(turn(call.id))).toMatchObject({ ...refused, error: { code: 'forbidden', message: 'This call belongs to another agent.' } });
    expect(await assist.assistCallAlerts({ callId: call.id })).toMatchObject(refused);
    expect(await assist.selectAssistCustomer({ callId: call.id, customerId: 1 })).toMatchObject(refused);
    expect(await assist.confirmAssistAction({ callId: call.id, kind: 'escalate', params: {} })).toMatchObject(refused);
    expect(await assist.endAssistCall({ callId: call.id })).toMatchObject(refused);
    const stolen = await suggest(new Request('http://app/api/assist/suggest', { method: 'POST', body: JSON.stringify({ callId: call.id }) }));
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toMatchObject(refused);

    // Ann ends and saves it; the audit row names her, and her past calls list it; Eve's does not.
    as(ann);
    const ended = must(await assist.endAssistCall({ callId: call.id }));
    as(eve);
    expect(await assist.saveAssistCall({ callId: call.id, ...ended.draft })).toMatchObject(refused);
    expect(must(await assist.searchPastAssistCalls({ query: '' })).map((c) => c.id)).not.toContain(call.id);
    as(ann);
    must(await assist.saveAssistCall({ callId: call.id, ...ended.draft }));
    const audit = await actionsOf(getDatabase(config()).db, call.id);
    expect(audit.map((a) => a.confirmedBy)).toEqual([`Ann [${ann.id}]`]);
    expect(must(await assist.searchPastAssistCalls({ query: '' })).map((c) => c.id)).toContain(call.id);
  }, 120_000);

  it('a coach reads their team’s calls (never acts on them); the supervisor view shows coach their team, admin all', async () => {
    as(ann);
    const call = must(await assist.startAssistCall({ callType: 'order_issue' }));

    as(cody);
    expect((await assist.assistCallAlerts({ callId: call.id })).ok).toBe(true);
    expect(await assist.addAssistTurn(turn(call.id))).toMatchObject(refused);
    expect(must(await assist.listLiveAssistCalls()).map((c) => c.id)).toContain(call.id);

    as(bea);
    expect(await assist.assistCallAlerts({ callId: call.id })).toMatchObject(refused);
    expect(must(await assist.listLiveAssistCalls()).map((c) => c.id)).not.toContain(call.id);

    as(admina);
    expect((await assist.assistCallAlerts({ callId: call.id })).ok).toBe(true);
    expect(await assist.endAssistCall({ callId: call.id })).toMatchObject(refused);
    expect(must(await assist.listLiveAssistCalls()).map((c) => c.id)).toContain(call.id);
  }, 60_000);

  it('a member cannot open the supervisor view or import customers; an admin can import', async () => {
    as(ann);
    expect(await assist.listLiveAssistCalls()).toMatchObject({ ...refused, error: { message: 'Only a coach can do this.' } });
    expect(await assist.importAssistCustomers({ csv: 'id,name\n' })).toMatchObject({ ...refused, error: { message: 'Only an admin can do this.' } });
    as(cody);
    expect(await assist.importAssistCustomers({ csv: 'id,name\n' })).toMatchObject(refused);
    as(admina);
    expect(await assist.importAssistCustomers({ csv: 'not,a,customer,file\n1,2,3,4\n' })).toMatchObject({ ok: false, error: { code: 'bad_file' } });
  }, 60_000);

  it('a signed-out caller gets unauthenticated from every assist action and a 401 from the suggest route', async () => {
    as(null);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const r of [
      await assist.startAssistCall({ callType: 'order_issue' }),
      await assist.addAssistTurn(turn(id)),
      await assist.searchAssistCustomers({ query: 'Dana' }),
      await assist.selectAssistCustomer({ callId: id, customerId: 1 }),
      await assist.confirmAssistAction({ callId: id, kind: 'escalate', params: {} }),
      await assist.assistCallAlerts({ callId: id }),
      await assist.endAssistCall({ callId: id }),
      await assist.listLiveAssistCalls(),
      await assist.searchPastAssistCalls({ query: '' }),
      await assist.importAssistCustomers({ csv: 'x' }),
      await assist.readAssistKnowledge({ kind: 'policies', id: 'shipping-lost-parcel' }),
    ]) {
      expect(r).toMatchObject(signedOut);
    }
    const res = await suggest(new Request('http://app/api/assist/suggest', { method: 'POST', body: JSON.stringify({ callId: id }) }));
    expect(res.status).toBe(401);
  });
});

describe('knowledge pages', () => {
  it('any signed-in account reads a cited policy or article from its row; unknown pages and kinds are refused in words', async () => {
    as(eve);
    const policy = must(await assist.readAssistKnowledge({ kind: 'policies', id: 'shipping-lost-parcel' }));
    expect(policy).toMatchObject({ kind: 'policies', id: 'shipping-lost-parcel', title: 'Shipping policy: parcels that never arrive', policyKind: 'shipping' });
    expect(policy.body.length).toBeGreaterThan(40);
    const { ARTICLES } = await import('@/lib/assist/demo/knowledge');
    const article = must(await assist.readAssistKnowledge({ kind: 'articles', id: ARTICLES[0]!.id }));
    expect(article).toMatchObject({ kind: 'articles', title: ARTICLES[0]!.title, body: ARTICLES[0]!.body, policyKind: null });
    expect(await assist.readAssistKnowledge({ kind: 'policies', id: 'no-such-policy' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await assist.readAssistKnowledge({ kind: 'secrets', id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await assist.readAssistKnowledge({ kind: 'articles', id: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
