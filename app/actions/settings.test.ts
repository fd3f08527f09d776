import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloneDefaultSettings, defaultHintSettings } from '@/lib/live/settings/schema';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { insertTestUser, type TestActor } from '@/lib/server/db/test-support/test-users';
import { getMySettings, saveMySettings, validateSettings } from './settings';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-settings-actions-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));
const who = vi.hoisted(() => ({ actor: null as null | { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null } }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));
let ann: TestActor;
let bob: TestActor;
beforeAll(async () => {
  await migrateDatabase(getDatabase(config()));
  ann = await insertTestUser(getDatabase(config()).db, { name: 'Ann' });
  bob = await insertTestUser(getDatabase(config()).db, { name: 'Bob' });
  who.actor = ann;
}, 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

describe('settings follow the account (server actions)', () => {
  it('keeps each account its own settings; invalid ones are refused and not kept', async () => {
    who.actor = ann;
    expect(await getMySettings()).toMatchObject({ ok: true, data: { settings: null } });
    expect(await saveMySettings({ ...cloneDefaultSettings(), perCallCap: 3 })).toMatchObject({ ok: true, data: { settings: { perCallCap: 3 }, updatedAt: expect.any(Date) } });
    expect(await saveMySettings({ ...cloneDefaultSettings(), perCallCap: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_settings' } });
    expect(await getMySettings()).toMatchObject({ ok: true, data: { settings: { perCallCap: 3 } } });
    who.actor = bob;
    expect(await getMySettings()).toMatchObject({ ok: true, data: { settings: null } });
    who.actor = null;
    expect(await saveMySettings(cloneDefaultSettings())).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    who.actor = ann;
  });
});

describe('validateSettings (server action)', () => {
  it('returns the parsed settings', async () => {
    const input = { ...cloneDefaultSettings(), interruptPhrases: [' got it '] };
    expect(await validateSettings(input)).toEqual({ ok: true, data: { ...cloneDefaultSettings(), interruptPhrases: ['got it'] } });
  });

  it('refuses invalid settings with invalid_settings and per-field errors', async () => {
    const result = await validateSettings({ ...defaultHintSettings, perCallCap: -1, evil: '<script>' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_settings',
        message: 'The settings are not valid: 2 fields to fix.',
        fieldErrors: [
          { path: 'perCallCap', message: 'Hints per call must be at least 0' },
          { path: 'evil', message: 'Not a setting of this app (check the spelling)' },
        ],
      },
    });
  });

  it('reports a non-object at the root', async () => {
    const result = await validateSettings('settings please');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_settings');
      expect(result.error.fieldErrors?.[0]?.path).toBe('(root)');
      expect(result.error.message).toBe('The settings are not valid: 1 field to fix.');
    }
  });
});
