import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import type { SaveLiveSessionInput } from '@/lib/live/meeting/saved-meeting';
import { insertTestUser } from '@/lib/server/db/test-support/test-users';
vi.mock('@/lib/server/model-access/client-key', () => ({ requestClientIp: async () => '10.0.0.9' }));

import * as actions from './live';

const who = vi.hoisted(() => ({ actor: null as null | { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null } }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));

/** The saved-meeting server actions end to end on PGlite. */

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-live-actions-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));

beforeAll(async () => {
  await migrateDatabase(getDatabase(config()));
  who.actor = await insertTestUser(getDatabase(config()).db, { name: 'Ann' });
}, 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

/** Meeting times: epoch ms, within the bounds a save accepts. */
const T = Date.UTC(2026, 0, 5, 9, 0, 0);
const ID = '44444444-4444-4444-8444-444444444444';
const input = (patch: Partial<SaveLiveSessionInput> = {}): SaveLiveSessionInput => ({
  id: ID,
  title: 'Budget review',
  agentId: 'hint-assistant',
  backend: 'local',
  model: 'gpt-realtime',
  voice: null,
  startedAt: T + 1_000,
  endedAt: T + 61_000,
  lines: [{ id: 'u1', role: 'user', text: 'The budget is tight', at: 2_000, source: 'text' }],
  ...patch,
});

describe('live meeting actions', () => {
  it('save, list and open a meeting', async () => {
    const saved = await actions.saveLiveSession(input());
    expect(saved).toEqual({ ok: true, data: { id: ID, created: true } });
    const list = await actions.listLiveSessions();
    expect(list.ok && list.data.map((m) => [m.id, m.title, m.lineCount])).toEqual([[ID, 'Budget review', 1]]);
    const one = await actions.getLiveSession({ id: ID });
    expect(one.ok && one.data.lines).toEqual(input().lines);
  });

  it('refuses bad input with field errors, and unknown or malformed ids', async () => {
    const bad = await actions.saveLiveSession({ ...input(), id: 'nope', endedAt: 0, lines: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.fieldErrors?.map((e) => e.path)).toEqual(expect.arrayContaining(['id', 'lines']));
    }
    const hintWithout = await actions.saveLiveSession(input({ lines: [{ id: 'h1', role: 'hint', text: 'x', at: 2_000 }] }));
    expect(!hintWithout.ok && hintWithout.error.fieldErrors?.[0]?.path).toBe('lines');
    expect(await actions.getLiveSession({ id: '55555555-5555-4555-8555-555555555555' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await actions.getLiveSession({ id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a meeting over the size limits is too_large, in words, before anything is parsed', async () => {
    const many = Array.from({ length: 5_001 }, (_, i) => ({ id: `u${i}`, role: 'user' as const, text: 'hi', at: 2_000 + i }));
    const r = await actions.saveLiveSession(input({ lines: many }));
    expect(r).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('5,001 lines (at most 5,000)') } });
    const big = Array.from({ length: 300 }, (_, i) => ({ id: `u${i}`, role: 'user' as const, text: 'x'.repeat(3_500), at: 2_000 + i }));
    expect(await actions.saveLiveSession(input({ lines: big }))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    const long = await actions.saveLiveSession(input({ lines: [{ id: 'u1', role: 'user', text: 'x'.repeat(4_001), at: 2_000 }] }));
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: [{ path: 'lines.0.text' }] } });
  });
});
