import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { insertTestUser } from '@/lib/server/db/test-support/test-users';
import { parseEnv } from '@/lib/server/env-schema';
import { createStudioAgent, getStudioEditor, listStudioAgents, mapStudioNumber, rollbackStudioAgent, saveStudioAgent, unmapStudioNumber } from './studio';
import { mintStudioTry } from './studio-try';

/**
 * The agent studio is for admins only: every action refuses a member and a coach (forbidden) and a
 * signed-out caller (unauthenticated), writes nothing, and never mints a "Try it" session for them.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-studio-guards-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));

type Who = { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null };
const who = vi.hoisted(() => ({ actor: null as null | Who }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));

let admin: Who;
const member = (): Who => ({ ...admin, id: 'u-member', role: 'member' });
const coach = (): Who => ({ ...admin, id: 'u-coach', role: 'coach' });

beforeAll(async () => {
  const handle = getDatabase(config());
  await migrateDatabase(handle);
  admin = await insertTestUser(handle.db, { name: 'Ada Admin', role: 'admin' });
}, 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

const AGENT = 'phone-receptionist';

describe('agent studio actions are for admins only', () => {
  it('refuse a member, a coach and a signed-out caller, and write nothing', async () => {
    who.actor = admin;
    const view = await getStudioEditor({ agentId: AGENT });
    if (!view.ok) throw new Error(view.error.message);
    for (const [actor, code] of [[member(), 'forbidden'], [coach(), 'forbidden'], [null, 'unauthenticated']] as const) {
      who.actor = actor;
      const results = await Promise.all([
        listStudioAgents(),
        getStudioEditor({ agentId: AGENT }),
        saveStudioAgent({ agentId: AGENT, baseVersion: view.data.version, config: { ...view.data.agent, greeting: 'Not yours to change.' } }),
        rollbackStudioAgent({ agentId: AGENT, toVersion: 1, baseVersion: view.data.version }),
        mapStudioNumber({ agentId: AGENT, number: '+14155550100' }),
        unmapStudioNumber({ number: '+14155550100' }),
        createStudioAgent({ id: 'sneaky-agent', name: 'Sneaky', fromAgentId: AGENT }),
        mintStudioTry({ agentId: AGENT }),
      ]);
      for (const r of results) expect(r).toMatchObject({ ok: false, error: { code } });
    }
    who.actor = admin;
    const after = await getStudioEditor({ agentId: AGENT });
    expect(after.ok && after.data.version).toBe(view.data.version);
    expect(after.ok && after.data.numbers).toEqual([]);
    const list = await listStudioAgents();
    expect(list.ok && list.data.map((a) => a.id)).not.toContain('sneaky-agent');
  });

  it('let an admin save, and refuse a stale save with its code', async () => {
    who.actor = admin;
    const view = await getStudioEditor({ agentId: AGENT });
    if (!view.ok) throw new Error(view.error.message);
    const saved = await saveStudioAgent({ agentId: AGENT, baseVersion: view.data.version, config: { ...view.data.agent, greeting: 'Hello from the admin.' } });
    expect(saved).toEqual({ ok: true, data: { version: view.data.version + 1 } });
    const stale = await saveStudioAgent({ agentId: AGENT, baseVersion: view.data.version, config: { ...view.data.agent } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale_version' } });
    expect(await saveStudioAgent({ agentId: 'Bad Id', baseVersion: 1, config: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
