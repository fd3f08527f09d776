import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { getRetention, saveRetention } from './retention';

/** The retention actions on PGlite: typed field errors, and saving sweeps at once. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-retention-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));
// An admin is asking (the refusals for other roles are in admin-guards.test.ts).
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => ({ id: 'u-admin', name: 'Admin', email: 'admin@test.cue', role: 'admin', teamId: null }) }));
beforeAll(async () => migrateDatabase(getDatabase(config())), 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

describe('retention actions', () => {
  it('read, save and clear the period; refuse nonsense with a field error', async () => {
    expect(await getRetention()).toEqual({ ok: true, data: { days: null } });
    expect(await saveRetention({ days: 30 })).toEqual({ ok: true, data: { days: 30, deleted: { practiceSessions: 0, liveSessions: 0 } } });
    expect(await getRetention()).toEqual({ ok: true, data: { days: 30 } });
    expect(await saveRetention({ days: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: [{ path: 'days', message: 'keep transcripts at least 1 day' }] } });
    expect(await saveRetention({ days: 2.5 })).toMatchObject({ ok: false, error: { fieldErrors: [{ path: 'days' }] } });
    expect(await saveRetention({ days: null })).toMatchObject({ ok: true, data: { days: null } });
    expect(await getRetention()).toEqual({ ok: true, data: { days: null } });
  });
});
