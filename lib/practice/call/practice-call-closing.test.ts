import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHandle } from '@/lib/engine/server';
import { control, startTestEngine, TEST_SECRET } from '@/lib/engine/test-support';
import { mintEngineToken } from '@/lib/engine/token';
import type { PracticeSessionDetail, SessionStatus } from '@/lib/contracts/practice-session';
import { FakePlayer } from '@/lib/realtime/test-support/harness';
import { defaultScenario } from '@/agents/scenarios';
import { forgetEndedCalls } from './ended-calls';
import { PracticeCallController, type PracticeCallActions } from './practice-call-controller';

/**
 * A practice call page opened for a call that has ended (Back after the debrief), muting
 * for noise, and trigger phrases held back by the cooldown: against the local engine.
 */

const coo = defaultScenario();
const SESSION_ID = '0d6f9c1e-2b7a-4c55-9e1d-7a3b5c9e2f40';
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

const detail = (status: SessionStatus) => ({ id: SESSION_ID, status, endReason: status === 'unfinished' ? null : 'user', scenarioId: coo.id }) as PracticeSessionDetail;

function makeCall(opts: { serverStatus?: SessionStatus; mintRefused?: boolean } = {}) {
  const mints: unknown[] = [];
  const actions: PracticeCallActions = {
    mint: async (input) => {
      mints.push(input);
      if (opts.mintRefused) return { ok: false, error: { code: 'unknown_agent', message: 'That practice session is not open any more. Start a new one.' } };
      const token = mintEngineToken({ secret: TEST_SECRET, agentId: input.agentId, ttlSeconds: 60 });
      return { ok: true, data: { backend: 'local', clientSecret: token.value, expiresAt: token.expiresAt, agentId: input.agentId, model: 'gpt-realtime', voice: 'sage', url: engine.url } };
    },
    appendTranscriptItem: async () => ({ ok: true, data: { status: 'created' } }),
    recordTurnTag: async () => ({ ok: true, data: { status: 'created' } }),
    endPracticeSession: async () => ({ ok: true, data: detail('completed') }),
    getSession: async () => ({ ok: true, data: detail(opts.serverStatus ?? 'unfinished') }),
  };
  const call = new PracticeCallController({ sessionId: SESSION_ID, scenario: coo, difficulty: 'medium', timeLimitSeconds: 600 }, actions, {
    realtimeDeps: { createPlayer: () => new FakePlayer([]) },
    clockTickMs: 50,
  });
  controllers.push(call);
  return { call, mints };
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a practice call that has already ended', () => {
  it('opens on its debrief when this tab ended it (Back from the transcript), and never joins again', async () => {
    const first = makeCall();
    await first.call.start('none');
    await first.call.end('user');
    first.call.dispose();
    const again = makeCall();
    expect(again.call.store.getState()).toMatchObject({ phase: 'ended', endedEarlier: true, endReason: 'user', result: { id: SESSION_ID } });
    expect(await again.call.start('mic')).toBe(false);
    expect(again.mints).toEqual([]);
  });

  it('shows the debrief when the server says the session ended (checked before joining)', async () => {
    const { call, mints } = makeCall({ serverStatus: 'completed' });
    await call.checkStillOpen();
    expect(call.store.getState()).toMatchObject({ phase: 'ended', endedEarlier: true, result: { status: 'completed' } });
    expect(await call.start('none')).toBe(false);
    expect(mints).toEqual([]);
  });

  it('keeps the briefing for an open session', async () => {
    const { call } = makeCall({ serverStatus: 'unfinished' });
    await call.checkStillOpen();
    expect(call.store.getState().phase).toBe('ready');
  });

  it('turns a refused join ("not open any more") into the debrief instead of a dead Start button', async () => {
    const { call } = makeCall({ serverStatus: 'debrief_pending', mintRefused: true });
    expect(await call.start('none')).toBe(false);
    expect(call.store.getState()).toMatchObject({ phase: 'ended', endedEarlier: true });
  });
});

describe('during a practice call', () => {
  it('Mute for noise mutes and drops what the service heard so far', async () => {
    const { call } = makeCall();
    await call.start('none');
    await until(() => call.store.getState().tags.length === 1, 'opening tag');
    call.muteForNoise();
    expect(call.realtimeStore.getState().muted).toBe(true);
    await until(() => call.store.getState().noise === null, 'no warning');
    const clears = (await control(engine, 'GET', '/__test/sessions/latest/received?type=input_audio_buffer.clear')).json as unknown[];
    expect(clears).toHaveLength(1);
  });

  it('notes a trigger phrase said during the cooldown (it counts in the debrief) without escalating', async () => {
    const { call } = makeCall();
    await call.start('none');
    await until(() => call.store.getState().tags.length === 1, 'opening tag');
    call.sendText('It is not our fault');
    await until(() => call.store.getState().tags.length === 2, 'escalation tagged');
    await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'Honestly it is out of our control' });
    await until(() => call.store.getState().held !== null, 'held note');
    expect(call.store.getState().held).toMatchObject({ phrase: 'out of our control', reason: 'cooldown', turnsLeft: 1, typed: false });
    expect(call.store.getState().escalations).toHaveLength(1);
  });
});
