import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHandle } from '@/lib/engine/server';
import { control, startTestEngine, TEST_SECRET } from '@/lib/engine/test-support';
import { mintEngineToken } from '@/lib/engine/token';
import type { AppendTranscriptItemInput, EndPracticeSessionInput, RecordTurnTagInput } from '@/lib/contracts/practice-actions';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import { FakePlayer } from '@/lib/realtime/test-support/harness';
import { buildRoleplayAgentConfig } from '@/agents/roleplay-client';
import { defaultScenario } from '@/agents/scenarios';
import { forgetEndedCalls } from './ended-calls';
import { PracticeCallController, type PracticeCallActions } from './practice-call-controller';

/**
 * The practice call driven end to end against the local engine (the roleplay-client
 * policy) over the real SDK WebSocket transport, with in-memory server actions.
 */

const coo = defaultScenario();
const SESSION_ID = '5b0e6f3e-9a51-4f7e-8a35-0c6a3a0f7d11';
let engine: EngineHandle;
const controllers: PracticeCallController[] = [];

beforeAll(async () => {
  engine = await startTestEngine({ paceFactor: 50 });
});
afterEach(() => {
  for (const c of controllers.splice(0)) c.dispose();
  forgetEndedCalls();
});
afterAll(() => engine.close());

function fakeActions() {
  const items = new Map<string, AppendTranscriptItemInput>();
  const tags: RecordTurnTagInput[] = [];
  const ends: EndPracticeSessionInput[] = [];
  const mints: unknown[] = [];
  const actions: PracticeCallActions = {
    mint: async (input) => {
      mints.push(input);
      // As lib/server/model-access/mint does: the persona brief of the session's config rides in the token.
      const token = mintEngineToken({ secret: TEST_SECRET, agentId: input.agentId, ttlSeconds: 60, persona: buildRoleplayAgentConfig(coo, 'medium').localPersona });
      return { ok: true, data: { backend: 'local', clientSecret: token.value, expiresAt: token.expiresAt, agentId: input.agentId, model: 'gpt-realtime', voice: 'sage', url: engine.url } };
    },
    appendTranscriptItem: async (input) => {
      items.set(input.itemId, input);
      return { ok: true, data: { status: 'created' } };
    },
    recordTurnTag: async (input) => {
      tags.push(input);
      return { ok: true, data: { status: 'created' } };
    },
    endPracticeSession: async (input) => {
      ends.push(input);
      return { ok: true, data: { id: SESSION_ID } as PracticeSessionDetail };
    },
    getSession: async () => ({ ok: true, data: { id: SESSION_ID, status: 'unfinished' } as PracticeSessionDetail }),
  };
  const saved = () => [...items.values()].sort((a, b) => a.seq - b.seq).map((i) => `${i.speaker}: ${i.text}`);
  return { actions, items, tags, ends, mints, saved };
}

function makeCall(timeLimitSeconds = 600) {
  const fake = fakeActions();
  const call = new PracticeCallController(
    { sessionId: SESSION_ID, scenario: coo, difficulty: 'medium', timeLimitSeconds },
    fake.actions,
    { realtimeDeps: { createPlayer: () => new FakePlayer([]) }, clockTickMs: 50 },
  );
  controllers.push(call);
  return { call, ...fake };
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('PracticeCallController on the local engine', () => {
  it('mints for the session, speaks the opening line first, tags it silently and saves both', async () => {
    const { call, mints, saved, tags } = makeCall();
    expect(await call.start('none')).toBe(true);
    expect(mints).toEqual([{ agentId: 'roleplay-client', transport: undefined, overrides: undefined, practiceSessionId: SESSION_ID }]);
    await until(() => saved().length === 1 && tags.length === 1, 'opening line saved and tagged');
    expect(saved()).toEqual([`client: ${coo.openingLine}`]);
    expect(tags[0]).toMatchObject({ sessionId: SESSION_ID, tag: { objection_type: 'Data', difficulty: 2, sentiment: 'skeptical' } });
    expect(call.store.getState().tags).toHaveLength(1);
    // The tag went back as a background result: no second response was requested.
    const creates = (await control(engine, 'GET', '/__test/sessions/latest/received?type=response.create')).json as unknown[];
    expect(creates).toHaveLength(1);
    const outputs = (await control(engine, 'GET', '/__test/sessions/latest/received?type=conversation.item.create')).json as { item: { type: string } }[];
    expect(outputs.map((o) => o.item.type)).toEqual(['function_call_output']);
  });

  it('answers a spoken turn, saves it with its speech duration, and updates the live tags', async () => {
    const { call, saved, items, tags } = makeCall();
    await call.start('none');
    await until(() => tags.length === 1, 'opening tag');
    await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'We are working very hard on the depots', durationMs: 3000 });
    await until(() => saved().length === 3 && tags.length === 2, 'reply saved and tagged');
    expect(saved()).toEqual([
      `client: ${coo.openingLine}`,
      'user: We are working very hard on the depots',
      'client: No owner, no date. Who owns it, and by when?',
    ]);
    const user = [...items.values()].find((i) => i.speaker === 'user');
    const ms = new Date(user?.endedAt as Date).getTime() - new Date(user?.startedAt as Date).getTime();
    expect(ms).toBe(3000 + 650); // audio clock: the utterance plus the VAD silence (medium)
    expect(call.store.getState().tags.at(-1)).toMatchObject({ objection_type: 'Governance', sentiment: 'frustrated', next_probe: 'Who owns it, and by when?' });
  });

  it('escalates on a spoken trigger phrase: the automatic reply is cancelled and hidden, the escalation line is said', async () => {
    const { call, saved, tags } = makeCall();
    await call.start('none');
    await until(() => tags.length === 1, 'opening tag');
    await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'Honestly that is not our fault' });
    await until(() => saved().length === 3 && tags.length === 2, 'escalation saved and tagged');
    expect(saved()).toEqual([`client: ${coo.openingLine}`, 'user: Honestly that is not our fault', `client: ${coo.escalation.response}`]);
    expect(call.store.getState().escalations).toMatchObject([{ phrase: 'not our fault', level: 1, typed: false }]);
    expect(call.store.getState().hiddenItemIds).toHaveLength(1);
    expect(tags.at(-1)?.tag).toMatchObject({ sentiment: 'frustrated', difficulty: 4 });
    const creates = (await control(engine, 'GET', '/__test/sessions/latest/received?type=response.create')).json as { response?: { metadata?: unknown } }[];
    expect(creates.at(-1)?.response?.metadata).toEqual({ cue_purpose: 'escalation', level: '1', phrase: 'not our fault' });
  });

  it('escalates on a typed trigger phrase without a reply of its own', async () => {
    const { call, saved, tags } = makeCall();
    await call.start('none');
    await until(() => tags.length === 1, 'opening tag');
    expect(call.sendText('We just need more time')).toBe(true);
    await until(() => saved().length === 3 && tags.length === 2, 'typed escalation');
    expect(saved()).toEqual([`client: ${coo.openingLine}`, 'user: We just need more time', `client: ${coo.escalation.response}`]);
    expect(call.store.getState().hiddenItemIds).toEqual([]);
    const session = (await control(engine, 'GET', '/__test/sessions/latest')).json as { conversation: { type: string; role?: string }[] };
    expect(session.conversation.map((i) => `${i.type}:${i.role ?? ''}`)).toEqual([
      'message:assistant',
      'function_call:',
      'function_call_output:',
      'message:user',
      'message:assistant',
      'function_call:',
      'function_call_output:',
    ]);
  });

  it('ends at the time limit: hangs up, flushes saves and asks for the debrief', async () => {
    const { call, ends, saved } = makeCall(1);
    await call.start('none');
    await until(() => call.store.getState().phase === 'ended', 'auto end', 4000);
    expect(ends).toEqual([{ sessionId: SESSION_ID, reason: 'time_limit' }]);
    expect(saved()[0]).toContain('client: ');
    expect(call.realtimeStore.getState().connection).toBe('disconnected');
  });

  it('a dropped connection reconnects on its own with the history, without the persona opening again', async () => {
    const { call, saved, tags } = makeCall();
    await call.start('none');
    await until(() => tags.length === 1, 'opening tag');
    const first = ((await control(engine, 'GET', '/__test/sessions/latest')).json as { id: string }).id;
    await control(engine, 'POST', '/__test/sessions/latest/drop');
    let second = { id: first };
    for (let i = 0; i < 100 && second.id === first; i++) {
      await new Promise((r) => setTimeout(r, 50));
      second = (await control(engine, 'GET', '/__test/sessions/latest')).json as { id: string };
    }
    expect(second.id).not.toBe(first);
    await until(() => call.realtimeStore.getState().connection === 'connected', 'reconnected');
    expect(call.store.getState().phase).toBe('live');
    await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'Maria Lopez will own it by 14 June' });
    await until(() => saved().length === 3, 'reply after reconnect');
    expect(saved()[0]).toBe(`client: ${coo.openingLine}`);
    expect(saved()[2]).toContain('Maria Lopez by 14 June — fine.');
    const creates = (await control(engine, 'GET', '/__test/sessions/latest/received?type=response.create')).json as unknown[];
    expect(creates).toHaveLength(0);
  });

  it('when reconnecting gives up the call is "lost", everything said is saved, and End still gives a debrief', async () => {
    const fake = fakeActions();
    const call = new PracticeCallController({ sessionId: SESSION_ID, scenario: coo, difficulty: 'medium', timeLimitSeconds: 600 }, fake.actions, {
      realtimeDeps: { createPlayer: () => new FakePlayer([]), reconnectDelaysMs: [] },
      clockTickMs: 50,
    });
    controllers.push(call);
    await call.start('none');
    await until(() => fake.tags.length === 1, 'opening tag');
    await control(engine, 'POST', '/__test/sessions/latest/drop');
    await until(() => call.store.getState().phase === 'lost', 'lost');
    expect(call.realtimeStore.getState().error?.code).toBe('connection_lost');
    expect(fake.saved()).toEqual([`client: ${coo.openingLine}`]);
    await call.end('disconnected');
    expect(fake.ends).toEqual([{ sessionId: SESSION_ID, reason: 'disconnected' }]);
    expect(call.store.getState().phase).toBe('ended');
  });

  it('an end that fails says why and can be tried again', async () => {
    const { call, actions } = makeCall();
    let fail = true;
    const original = actions.endPracticeSession;
    actions.endPracticeSession = async (input) => (fail ? { ok: false, error: { code: 'internal', message: 'Something went wrong on the server.' } } : original(input));
    await call.start('none');
    await call.end();
    expect(call.store.getState()).toMatchObject({ phase: 'end_failed', endError: { code: 'internal' } });
    expect(call.store.getState().endError?.message).toContain('Your transcript so far is saved');
    fail = false;
    await call.end();
    expect(call.store.getState().phase).toBe('ended');
  });
});
