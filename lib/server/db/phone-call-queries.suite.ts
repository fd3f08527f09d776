import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HERO } from '@/lib/assist/demo/generate';
import { runLookupTool } from '@/lib/server/services/lookup-tools';
import { ensureAssistDemoData } from './assist-seed';
import type { DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { getPhoneCallById, insertPhoneCall, listPhoneCalls, updatePhoneCall } from './phone-call-queries';
import { insertTestUser } from './test-support/test-users';

/**
 * Phone call logs with the real migrations, and the lookups a call runs (the shared executors on the
 * demo systems of record), once per driver: phone-call-queries.pglite.test.ts (in-memory PGlite) and
 * phone-call-queries.postgres.test.ts (TEST_DATABASE_URL) call this with a fresh, empty database.
 */
export function definePhoneCallQuerySuite(driver: 'pglite' | 'postgres', open: () => Promise<DatabaseHandle>) {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await open();
    expect(handle.driver).toBe(driver);
    await migrateDatabase(handle);
  }, 60_000);
  afterAll(() => handle?.close());

  const base = { source: 'twilio' as const, agentId: 'phone-receptionist', agentName: 'Phone receptionist', agentVersion: 1, backend: 'local' as const, status: 'in_progress' as const };

  describe(`phone call queries (${driver})`, () => {
    it('writes a call while it runs, completes it, and lists and filters newest first', async () => {
      const db = handle.db;
      const user = await insertTestUser(db, { name: 'Sim' });
      await insertPhoneCall({ db, call: { ...base, id: '00000000-0000-4000-8000-000000000001', fromNumber: '+14155550100', startedAt: new Date('2026-12-01T10:00:00Z') } });
      await insertPhoneCall({ db, call: { ...base, id: '00000000-0000-4000-8000-000000000002', source: 'simulator', userId: user.id, agentId: 'other', startedAt: new Date('2026-12-01T11:00:00Z') } });
      await updatePhoneCall({
        db,
        id: '00000000-0000-4000-8000-000000000001',
        patch: {
          status: 'transferred',
          endReason: 'caller_hung_up',
          endedAt: new Date('2026-12-01T10:01:00Z'),
          durationMs: 60_000,
          transcript: [{ itemId: 'i1', speaker: 'agent', text: 'Hello', at: '2026-12-01T10:00:01Z' }],
          toolCalls: [{ at: '2026-12-01T10:00:30Z', name: 'transfer_to_human', args: { reason: 'asked' }, result: { transferred: true }, ok: true, ms: 12 }],
          usage: { requests: 2, inputTokens: 10, outputTokens: 20, totalTokens: 30 },
        },
      });
      const all = await listPhoneCalls({ db });
      expect(all.map((c) => c.id)).toEqual(['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001']);
      expect((await listPhoneCalls({ db, status: 'transferred' })).map((c) => c.durationMs)).toEqual([60_000]);
      expect((await listPhoneCalls({ db, agentId: 'other' })).map((c) => c.source)).toEqual(['simulator']);
      const detail = await getPhoneCallById({ db, id: '00000000-0000-4000-8000-000000000001' });
      expect(detail).toMatchObject({ status: 'transferred', transcript: [{ text: 'Hello' }], toolCalls: [{ name: 'transfer_to_human', args: { reason: 'asked' } }], usage: { totalTokens: 30 } });
      expect(await getPhoneCallById({ db, id: '00000000-0000-4000-8000-000000000009' })).toBeNull();
    });

    it('refuses a status or source outside the vocabulary', async () => {
      await expect(insertPhoneCall({ db: handle.db, call: { ...base, id: '00000000-0000-4000-8000-000000000003', status: 'ringing' as never, startedAt: new Date() } })).rejects.toThrow();
      await expect(insertPhoneCall({ db: handle.db, call: { ...base, id: '00000000-0000-4000-8000-000000000004', source: 'sip' as never, startedAt: new Date() } })).rejects.toThrow();
    });
  });

  describe(`the lookups a call runs (${driver})`, () => {
    it('reads an order, a customer by name and the help articles; a bad order number is an { error }', async () => {
      await ensureAssistDemoData(handle, { customers: 200, orders: 800 });
      expect(await runLookupTool(handle.db, 'get_order_details', { order_number: HERO.orderNumber })).toMatchObject({
        ok: true,
        result: { order: { orderNumber: HERO.orderNumber, carrier: 'UPS', lines: expect.any(Array) }, customer: { fullName: HERO.fullName } },
      });
      expect(await runLookupTool(handle.db, 'lookup_customer', { query: 'Dana Whitfeld' })).toMatchObject({ ok: true, result: { matches: [{ id: 1, fullName: HERO.fullName }] } });
      expect(await runLookupTool(handle.db, 'lookup_customer', { query: HERO.orderNumber })).toMatchObject({ ok: true, result: { matches: [{ id: 1 }] } });
      const articles = await runLookupTool(handle.db, 'search_knowledge', { query: 'my headphones will not pair, the light flashes' });
      expect((articles.result as { articles: { title: string }[] }).articles.length).toBeGreaterThan(0);
      expect(await runLookupTool(handle.db, 'check_policy', { kind: 'shipping', topic: 'parcel never arrived' })).toMatchObject({ ok: true, result: { policy: { kind: 'shipping' } } });
      expect(await runLookupTool(handle.db, 'get_order_details', { order_number: '0000-0000' })).toMatchObject({ ok: true, result: { order: null, error: expect.any(String) } });
    }, 120_000);
  });
}
