import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneReceptionist, STUDIO_BUILTINS } from '@/agents/studio-builtins';
import type { DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { insertTestUser, type TestActor } from '@/lib/server/db/test-support/test-users';
import { createStudioAgentSource, listenerFor, type StudioPhoneAgent } from './agent-source';
import { createAgent, getEditorView, listStudioAgents, mapNumber, rollbackAgent, saveAgent, unmapNumber } from './studio-service';

/**
 * The agent studio's queries and live change, once per driver: studio.pglite.test.ts (in-memory
 * PGlite) and studio.postgres.test.ts (TEST_DATABASE_URL) call this with a fresh, empty database.
 */
export function defineStudioSuite(driver: 'pglite' | 'postgres', open: () => Promise<DatabaseHandle>) {
  let handle: DatabaseHandle;
  let admin: TestActor;

  beforeAll(async () => {
    handle = await open();
    expect(handle.driver).toBe(driver);
    await migrateDatabase(handle);
    admin = await insertTestUser(handle.db, { name: 'Ada Admin', role: 'admin' });
  }, 120_000);
  afterAll(() => handle?.close());

  const ID = phoneReceptionist.id;
  const webhook = {
    name: 'order_status',
    description: 'Look up the status of an order by its number.',
    parameters: { type: 'object', properties: { order_number: { type: 'string', description: 'The order number' } }, required: ['order_number'] },
    url: 'https://hooks.example.com/order',
    secretHeader: { name: 'X-Api-Key', value: 'sk-very-secret-42' },
    timeoutMs: 3000,
  };

  async function editor() {
    const view = await getEditorView(handle.db, ID);
    if (!view.ok) throw new Error(view.error.message);
    return view.data;
  }

  describe(`agent studio (${driver})`, () => {
    it('seeds the typed built-ins on first use, once', async () => {
      const agents = await listStudioAgents(handle.db);
      expect(agents.map((a) => a.id)).toEqual(STUDIO_BUILTINS.map((b) => b.id).sort());
      expect(agents.every((a) => a.version === 1 && a.builtin)).toBe(true);
      expect((await listStudioAgents(handle.db)).length).toBe(STUDIO_BUILTINS.length);
      const view = await editor();
      expect(view.agent.instructions).toBe(phoneReceptionist.instructions);
      expect(view.versions).toEqual([expect.objectContaining({ version: 1, authorName: 'Cue (built-in)', changes: [] })]);
    });

    it('saves a new version with its author and a diff of what changed', async () => {
      const view = await editor();
      const instructions = `${view.agent.instructions}\nAlways offer the caller a callback.`;
      const saved = await saveAgent(handle.db, admin, { agentId: ID, baseVersion: 1, config: { ...view.agent, instructions, voice: 'coral' } });
      expect(saved).toEqual({ ok: true, data: { version: 2 } });
      const after = await editor();
      expect(after.version).toBe(2);
      const v2 = after.versions[0];
      expect(v2).toMatchObject({ version: 2, authorName: 'Ada Admin', rollbackOf: null });
      expect(v2?.changes.map((c) => c.path)).toEqual(['voice', 'instructions']);
      expect(v2?.changes.find((c) => c.path === 'voice')).toMatchObject({ before: 'marin', after: 'coral' });
      expect(v2?.changes.find((c) => c.path === 'instructions')?.lines).toContainEqual({ op: '+', text: 'Always offer the caller a callback.' });
    });

    it('refuses a save based on a stale version, and writes nothing', async () => {
      const view = await editor();
      const stale = await saveAgent(handle.db, admin, { agentId: ID, baseVersion: 1, config: { ...view.agent, greeting: 'Hi from a stale tab.' } });
      expect(stale.ok).toBe(false);
      if (stale.ok) return;
      expect(stale.error.code).toBe('stale_version');
      expect(stale.error.message).toContain('version 2');
      expect(stale.error.message).toContain('Nothing was saved');
      expect((await editor()).version).toBe(2);
    });

    it('loses the race when two saves start from the same version: exactly one wins', async () => {
      const view = await editor();
      const [a, b] = await Promise.all([
        saveAgent(handle.db, admin, { agentId: ID, baseVersion: view.version, config: { ...view.agent, greeting: 'Greeting A, hello there.' } }),
        saveAgent(handle.db, admin, { agentId: ID, baseVersion: view.version, config: { ...view.agent, greeting: 'Greeting B, hello there.' } }),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'stale_version' } });
    });

    it('names the bad field of a webhook tool and keeps the stored version', async () => {
      const view = await editor();
      const bad = await saveAgent(handle.db, admin, {
        agentId: ID,
        baseVersion: view.version,
        config: { ...view.agent, tools: { builtins: view.agent.tools.builtins, webhooks: [{ ...webhook, url: 'ftp://hooks.example.com', timeoutMs: 99_999, parameters: { type: 'object', properties: {}, required: ['x'] } }] } },
      });
      expect(bad.ok).toBe(false);
      if (bad.ok) return;
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.fieldErrors?.map((e) => e.path).sort()).toEqual(['tools.webhooks.0.parameters.required.0', 'tools.webhooks.0.timeoutMs', 'tools.webhooks.0.url']);
      expect((await editor()).version).toBe(view.version);
    });

    it('stores a webhook secret, shows only a hint, keeps it when the field is left empty', async () => {
      const view = await editor();
      const saved = await saveAgent(handle.db, admin, { agentId: ID, baseVersion: view.version, config: { ...view.agent, tools: { builtins: ['end_call'], webhooks: [webhook] } } });
      expect(saved.ok).toBe(true);
      const after = await editor();
      expect(JSON.stringify(after)).not.toContain('sk-very-secret-42');
      expect(after.agent.tools.webhooks[0]?.secretHeader).toEqual({ name: 'X-Api-Key', hint: '••••42' });
      // Save again with the secret field empty: the stored secret is kept.
      const edited = { ...after.agent, tools: { builtins: ['end_call'], webhooks: [{ ...after.agent.tools.webhooks[0], timeoutMs: 4000, secretHeader: { name: 'X-Api-Key', value: '' } }] } };
      expect((await saveAgent(handle.db, admin, { agentId: ID, baseVersion: after.version, config: edited })).ok).toBe(true);
      const source = createStudioAgentSource({ db: handle.db });
      expect((await source.byId(ID))?.tools.webhooks[0]).toMatchObject({ timeoutMs: 4000, secretHeader: { name: 'X-Api-Key', value: 'sk-very-secret-42' } });
      const diff = (await editor()).versions[0]?.changes;
      expect(diff).toEqual([expect.objectContaining({ path: 'tools.webhooks.order_status.timeoutMs', before: '3000', after: '4000' })]);
    });

    it('rolls back to an old version as a new version', async () => {
      const before = await editor();
      const rolled = await rollbackAgent(handle.db, admin, { agentId: ID, toVersion: 1, baseVersion: before.version });
      expect(rolled).toEqual({ ok: true, data: { version: before.version + 1 } });
      const after = await editor();
      expect(after.agent.instructions).toBe(phoneReceptionist.instructions);
      expect(after.agent.voice).toBe('marin');
      expect(after.versions[0]).toMatchObject({ version: before.version + 1, rollbackOf: 1, authorName: 'Ada Admin' });
      expect(after.versions).toHaveLength(before.versions.length + 1);
      expect((await rollbackAgent(handle.db, admin, { agentId: ID, toVersion: 1, baseVersion: before.version })).ok).toBe(false);
      expect(await rollbackAgent(handle.db, admin, { agentId: ID, toVersion: 999, baseVersion: after.version })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('maps E.164 numbers to agents, one agent per number', async () => {
      const source = createStudioAgentSource({ db: handle.db });
      // Nothing mapped yet: every number reaches the default phone agent.
      expect((await source.forNumber('+15550000000'))?.id).toBe(ID);
      expect(await mapNumber(handle.db, admin, { agentId: 'phone-support', number: '+1 (415) 555-0123' })).toEqual({ ok: true, data: { number: '+14155550123' } });
      expect((await source.forNumber('+14155550123'))?.id).toBe('phone-support');
      expect(await source.forNumber('+15550000000')).toBeNull();
      expect(await source.forNumber('not a number')).toBeNull();
      const taken = await mapNumber(handle.db, admin, { agentId: ID, number: '+14155550123' });
      expect(taken).toMatchObject({ ok: false, error: { code: 'number_taken', fieldErrors: [{ path: 'number' }] } });
      expect(await mapNumber(handle.db, admin, { agentId: ID, number: '0415 555' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: [{ path: 'number' }] } });
      expect(await mapNumber(handle.db, admin, { agentId: 'nobody-here', number: '+14155550999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect((await editor()).numbers).toEqual([{ number: '+14155550123', agentId: 'phone-support', agentName: 'Support line' }]);
      expect((await unmapNumber(handle.db, '+14155550123')).ok).toBe(true);
      expect((await unmapNumber(handle.db, '+14155550123')).ok).toBe(false);
    });
  });

  describe(`new agents (${driver})`, () => {
    it('copies an agent\'s current config under a new id, at version 1 by its author; an id is taken once', async () => {
      expect(await createAgent(handle.db, admin, { id: 'night-line', name: 'Night line', fromAgentId: 'phone-support' })).toEqual({ ok: true, data: { id: 'night-line' } });
      const view = await getEditorView(handle.db, 'night-line');
      expect(view.ok && view.data).toMatchObject({ version: 1, builtin: false, agent: { id: 'night-line', name: 'Night line', voice: 'cedar' }, versions: [{ version: 1, authorName: 'Ada Admin' }] });
      expect(await createAgent(handle.db, admin, { id: 'night-line', name: 'Again', fromAgentId: 'phone-support' })).toMatchObject({ ok: false, error: { code: 'agent_exists', fieldErrors: [{ path: 'id' }] } });
      expect(await createAgent(handle.db, admin, { id: 'day-line', name: 'Day', fromAgentId: 'nobody-here' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe(`live change: subscribe (${driver})`, () => {
    async function saveGreeting(greeting: string) {
      const view = await editor();
      const saved = await saveAgent(handle.db, admin, { agentId: ID, baseVersion: view.version, config: { ...view.agent, greeting } });
      if (!saved.ok) throw new Error(saved.error.message);
      return saved.data.version;
    }
    const next = (changes: StudioPhoneAgent[], n: number) => expect.poll(() => changes.length, { timeout: 3000, interval: 20 }).toBeGreaterThanOrEqual(n);

    it('the version poll delivers a saved change (no LISTEN)', async () => {
      const source = createStudioAgentSource({ db: handle.db, pollMs: 50 });
      await source.byId(ID);
      const changes: StudioPhoneAgent[] = [];
      const off = source.subscribe(ID, (cfg) => changes.push(cfg));
      const version = await saveGreeting('Polled hello, how can I help?');
      await next(changes, 1);
      expect(changes[0]).toMatchObject({ version, greeting: 'Polled hello, how can I help?' });
      off();
      await saveGreeting('Nobody listens to this one.');
      await new Promise((r) => setTimeout(r, 200));
      expect(changes).toHaveLength(1);
      await source.close();
    });

    it('NOTIFY delivers a saved change without waiting for the poll', async () => {
      const source = createStudioAgentSource({ db: handle.db, pollMs: 60_000, listen: listenerFor(handle) });
      await source.byId(ID);
      const changes: StudioPhoneAgent[] = [];
      source.subscribe(ID, (cfg) => changes.push(cfg));
      await new Promise((r) => setTimeout(r, 100)); // the LISTEN is in place
      const version = await saveGreeting('Notified hello, how can I help?');
      await next(changes, 1);
      expect(changes[0]).toMatchObject({ version, greeting: 'Notified hello, how can I help?' });
      await source.close();
    });

    it('a subscriber that read an older version gets the newer one at once; sinceVersion is honoured', async () => {
      const source = createStudioAgentSource({ db: handle.db, pollMs: 60_000 });
      const read = await source.byId(ID);
      const version = await saveGreeting('Saved between the read and the subscribe.');
      const late: StudioPhoneAgent[] = [];
      source.subscribe(ID, (cfg) => late.push(cfg));
      await next(late, 1);
      expect(late[0]).toMatchObject({ version, greeting: 'Saved between the read and the subscribe.' });
      const explicit: StudioPhoneAgent[] = [];
      source.subscribe(ID, (cfg) => explicit.push(cfg), read?.version);
      await next(explicit, 1);
      expect(explicit[0]?.version).toBe(version);
      const current: StudioPhoneAgent[] = [];
      source.subscribe(ID, (cfg) => current.push(cfg), version);
      await new Promise((r) => setTimeout(r, 150));
      expect(current).toEqual([]);
      await source.close();
    });

    it('two subscribers of one agent both hear it; a rollback is a change too', async () => {
      const source = createStudioAgentSource({ db: handle.db, pollMs: 50 });
      const a: StudioPhoneAgent[] = [];
      const b: StudioPhoneAgent[] = [];
      source.subscribe(ID, (cfg) => a.push(cfg));
      source.subscribe(ID, (cfg) => b.push(cfg));
      await new Promise((r) => setTimeout(r, 120)); // baseline read
      const view = await editor();
      await rollbackAgent(handle.db, admin, { agentId: ID, toVersion: 1, baseVersion: view.version });
      await next(a, 1);
      await next(b, 1);
      expect(a[0]?.greeting).toBe(phoneReceptionist.greeting);
      await source.close();
    });
  });
}
