import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { getPhoneCallById, insertPhoneCall, listPhoneCalls, updatePhoneCall } from './phone-call-queries';
import { insertTestUser } from './test-support/test-users';

/** Phone call logs on an in-memory PGlite with the real migrations (0010_phone_calls). */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(handle);
}, 60_000);
afterAll(() => handle.close());

const base = { source: 'twilio' as const, agentId: 'phone-receptionist', agentName: 'Phone receptionist', agentVersion: 1, backend: 'local' as const, status: 'in_progress' as const };

describe('phone call queries', () => {
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
