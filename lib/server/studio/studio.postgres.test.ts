import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneReceptionist } from '@/agents/studio-builtins';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { insertTestUser, type TestActor } from '@/lib/server/db/test-support/test-users';
import { isolatedPostgresUrl } from '@/lib/server/db/test-support/postgres-database';
import { createStudioAgentSource, listenerFor, type StudioPhoneAgent } from './agent-source';
import { getEditorView, saveAgent } from './studio-service';
import { defineStudioSuite } from './studio.suite';

/**
 * The agent studio suite on PostgreSQL (in a database of its own), and live change across app
 * instances: two handles (two pools, as two instances would have) on another database; one saves,
 * the other hears it through LISTEN/NOTIFY, with the poll set far out of the way. Runs when
 * TEST_DATABASE_URL is set; each database is created afresh next to it.
 */
const url = process.env.TEST_DATABASE_URL;

if (!url) {
  describe.skip('agent studio on PostgreSQL (set TEST_DATABASE_URL to run)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
} else {
  defineStudioSuite('postgres', async () => createDatabase({ databaseUrl: await isolatedPostgresUrl(url, 'studio_suite'), pgliteDir: 'unused' }));

  let writer: DatabaseHandle;
  let reader: DatabaseHandle;
  let admin: TestActor;

  beforeAll(async () => {
    const own = await isolatedPostgresUrl(url, 'studio_instances');
    writer = createDatabase({ databaseUrl: own, pgliteDir: 'unused' });
    reader = createDatabase({ databaseUrl: own, pgliteDir: 'unused' });
    await migrateDatabase(writer);
    admin = await insertTestUser(writer.db, { name: 'Pat Postgres', role: 'admin' });
  }, 60_000);
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
  });

  describe('agent studio across instances on PostgreSQL', () => {
    it('a save on one instance reaches a subscriber on another through NOTIFY', async () => {
      const source = createStudioAgentSource({ db: reader.db, listen: listenerFor(reader), pollMs: 60_000 });
      expect((await source.byId(phoneReceptionist.id))?.version).toBe(1);
      const changes: StudioPhoneAgent[] = [];
      source.subscribe(phoneReceptionist.id, (cfg) => changes.push(cfg));
      await new Promise((r) => setTimeout(r, 200)); // the LISTEN is in place
      const view = await getEditorView(writer.db, phoneReceptionist.id);
      if (!view.ok) throw new Error(view.error.message);
      const saved = await saveAgent(writer.db, admin, { agentId: phoneReceptionist.id, baseVersion: 1, config: { ...view.data.agent, greeting: 'Hello across instances.' } });
      expect(saved.ok).toBe(true);
      await expect.poll(() => changes.length, { timeout: 5000, interval: 10 }).toBe(1);
      expect(changes[0]).toMatchObject({ version: 2, greeting: 'Hello across instances.' });
      await source.close();
    });

    it('a stale save is refused on PostgreSQL too', async () => {
      const view = await getEditorView(writer.db, phoneReceptionist.id);
      if (!view.ok) throw new Error(view.error.message);
      const stale = await saveAgent(writer.db, admin, { agentId: phoneReceptionist.id, baseVersion: 1, config: { ...view.data.agent } });
      expect(stale).toMatchObject({ ok: false, error: { code: 'stale_version' } });
    });
  });
}
