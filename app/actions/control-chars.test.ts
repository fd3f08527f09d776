import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { defaultScenario } from '@/agents/scenarios';
import * as practice from './practice';
import * as live from './live';
import { insertTestUser } from '@/lib/server/db/test-support/test-users';

vi.mock('@/lib/server/model-access/client-key', () => ({ requestClientIp: async () => '10.0.0.9' }));
const who = vi.hoisted(() => ({ actor: null as null | Awaited<ReturnType<typeof insertTestUser>> }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));

/**
 * A pasted NUL (PostgreSQL stores none, in text or jsonb): a call's turn keeps its words,
 * a form field is refused with a field error, and nothing reaches the database as an internal error.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-nul-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_REALTIME_BACKEND', 'local');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));
beforeAll(async () => {
  await migrateDatabase(getDatabase(config()));
  who.actor = await insertTestUser(getDatabase(config()).db, { name: 'Nul' });
}, 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

describe('control characters before the database', () => {
  it('a typed turn with a NUL is saved without it, and the session reads back', async () => {
    const started = await practice.startPracticeSession({ scenarioId: 'municipal-coo-sic' });
    if (!started.ok) throw new Error(started.error.message);
    const sessionId = started.data.session.id;
    const now = new Date();
    const r = await practice.appendTranscriptItem({ sessionId, itemId: 'i1', seq: 0, speaker: 'user', text: 'Maria\u0000 owns it\u0007 by June\tand\nreports weekly', startedAt: now });
    expect(r).toEqual({ ok: true, data: { status: 'created' } });
    const tag = await practice.recordTurnTag({ sessionId, callId: 'c1', tag: { objection_type: 'Results', difficulty: 3, sentiment: 'skeptical', next_probe: 'Who\u0000 owns it?' } });
    expect(tag.ok).toBe(true);
    const detail = await practice.getSession({ sessionId });
    expect(detail.ok && detail.data.items.map((i) => i.text)).toEqual(['Maria owns it by June\tand\nreports weekly']);
    const onlyNul = await practice.appendTranscriptItem({ sessionId, itemId: 'i2', seq: 1, speaker: 'user', text: '\u0000\u0000', startedAt: now });
    expect(onlyNul).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: [{ path: 'text', message: 'empty utterances are not saved' }] } });
  });

  it('refuses ids with control characters and dates out of bounds, field by field', async () => {
    const started = await practice.startPracticeSession({ scenarioId: 'municipal-coo-sic' });
    if (!started.ok) throw new Error(started.error.message);
    const r = await practice.appendTranscriptItem({ sessionId: started.data.session.id, itemId: 'i\u0000', seq: 0, speaker: 'user', text: 'hi', startedAt: '1970-01-01T00:00:00Z', endedAt: '2999-01-01T00:00:00Z' });
    expect(r.ok ? [] : r.error.fieldErrors?.map((e) => e.path)).toEqual(['itemId', 'startedAt', 'endedAt']);
  });

  it('a scenario field with a NUL is a field error, not an internal error', async () => {
    const base = defaultScenario();
    const r = await practice.saveCustomScenario({ mode: 'create', scenario: { ...base, id: 'nul-case', persona: { ...base.persona, role: 'Chief\u0000 Operating Officer' } } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: [{ path: 'persona.role', message: expect.stringContaining('control characters') }] } });
    const imported = await practice.importScenario({ json: JSON.stringify({ ...base, id: 'nul-import', title: 'Bad\u0000 title' }) });
    expect(imported).toMatchObject({ ok: false, error: { fieldErrors: [{ path: 'title' }] } });
  });

  it('a live meeting with a NUL in what was said is saved (jsonb takes no NUL) with the words intact', async () => {
    const t = Date.now() - 60_000;
    const id = '77777777-7777-4777-8777-777777777777';
    const saved = await live.saveLiveSession({
      id,
      title: 'Budget',
      agentId: 'hint-assistant',
      backend: 'local',
      model: null,
      voice: null,
      startedAt: t,
      endedAt: t + 30_000,
      lines: [{ id: 'u1', role: 'user', text: 'The\u0000 budget', at: t + 1000, source: 'text' }],
    });
    expect(saved).toEqual({ ok: true, data: { id, created: true } });
    const back = await live.getLiveSession({ id });
    expect(back.ok && back.data.lines[0]?.text).toBe('The budget');
  });
});
