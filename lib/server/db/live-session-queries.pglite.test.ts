import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveLiveSessionInput } from '@/lib/live/meeting/saved-meeting';
import { parseEnv } from '@/lib/server/env-schema';
import { closeDatabase, databaseConfigFromEnv, getDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import * as q from './live-session-queries';
import { insertTestUser, type TestActor } from './test-support/test-users';

/** Saved live meetings on embedded PGlite, in a throwaway data directory. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-live-pglite-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));
let handle: DatabaseHandle;
let ann: TestActor;
let bob: TestActor;

beforeAll(async () => {
  handle = getDatabase(config());
  await migrateDatabase(handle);
  ann = await insertTestUser(handle.db, { name: 'Ann' });
  bob = await insertTestUser(handle.db, { name: 'Bob' });
}, 60_000);
beforeEach(async () => {
  await handle.db.execute(sql`truncate table live_sessions`);
});
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 4, 1, 10, 0, 0);
const meeting = (id: string, patch: Partial<SaveLiveSessionInput> = {}): SaveLiveSessionInput => ({
  id,
  title: 'We moved the launch to April',
  agentId: 'hint-assistant',
  backend: 'local',
  model: 'gpt-realtime',
  voice: 'marin',
  startedAt: T0,
  endedAt: T0 + 90_000,
  lines: [
    { id: 'u1', role: 'user', text: 'We moved the launch to April', at: T0 + 1_000, source: 'text' },
    { id: 'h1', role: 'hint', text: 'Ask what QA needs.', at: T0 + 2_000, hint: { kind: 'quick', trigger: 'good question', interrupted: false, status: 'done' } },
  ],
  ...patch,
});
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('live session queries', () => {
  it('saves a meeting and reads it back whole, lines in order', async () => {
    expect(await q.saveLiveSession(meeting(A), { userId: ann.id })).toEqual({ id: A, created: true });
    const got = await q.getLiveSessionById({ id: A });
    expect(got).toEqual({
      ...meeting(A),
      startedAt: new Date(T0),
      endedAt: new Date(T0 + 90_000),
      lineCount: 2,
      hintCount: 1,
    });
    expect(await q.getLiveSessionById({ id: B })).toBeNull();
  });

  it('saving the same id again (a continued meeting) replaces it', async () => {
    await q.saveLiveSession(meeting(A), { userId: ann.id });
    const longer = meeting(A, { endedAt: T0 + 200_000, lines: [...meeting(A).lines, { id: 'u2', role: 'user', text: 'and hiring', at: T0 + 150_000 }] });
    expect(await q.saveLiveSession(longer, { userId: ann.id })).toEqual({ id: A, created: false });
    const got = await q.getLiveSessionById({ id: A });
    expect(got?.lines.map((l) => l.id)).toEqual(['u1', 'h1', 'u2']);
    expect(got).toMatchObject({ lineCount: 3, hintCount: 1, endedAt: new Date(T0 + 200_000) });
    expect(await q.listLiveSessions({ userId: ann.id })).toHaveLength(1);
  });

  it('lists newest first without the lines, with paging', async () => {
    await q.saveLiveSession(meeting(A, { title: 'older' }), { userId: ann.id });
    await q.saveLiveSession(meeting(B, { title: 'newer', startedAt: T0 + 3_600_000, endedAt: T0 + 3_700_000 }), { userId: ann.id });
    const list = await q.listLiveSessions({ userId: ann.id });
    expect(list.map((s) => s.title)).toEqual(['newer', 'older']);
    expect(list[0]).toEqual({ id: B, title: 'newer', agentId: 'hint-assistant', backend: 'local', startedAt: new Date(T0 + 3_600_000), endedAt: new Date(T0 + 3_700_000), lineCount: 2, hintCount: 1 });
    expect((await q.listLiveSessions({ userId: ann.id, limit: 1, offset: 1 })).map((s) => s.id)).toEqual([A]);
  });

  it("one account's meeting is never listed for, nor overwritten or deleted by, another", async () => {
    await q.saveLiveSession(meeting(A, { title: "Ann's" }), { userId: ann.id });
    expect(await q.listLiveSessions({ userId: bob.id })).toEqual([]);
    expect(await q.saveLiveSession(meeting(A, { title: 'taken over' }), { userId: bob.id })).toBeNull();
    expect(await q.deleteLiveSessionById({ id: A, userId: bob.id })).toBe(false);
    expect((await q.getLiveSessionById({ id: A }))?.title).toBe("Ann's");
    expect(await q.deleteLiveSessionById({ id: A, userId: ann.id })).toBe(true);
    expect(await q.getLiveSessionById({ id: A })).toBeNull();
  });

  it('the table refuses an end before the start', async () => {
    await expect(q.saveLiveSession(meeting(A, { endedAt: T0 - 1 }), { userId: ann.id })).rejects.toThrow();
  });
});
