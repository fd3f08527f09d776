import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteOutbox, websiteSites } from '@/lib/server/db/schema';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { addSlots, bookSlot, freeSlots, listBookings } from './bookings';

describe('slots and bookings on PGlite', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(h);
    await h.db.insert(websiteSites).values({ id: 'cal', name: 'Cal', allowedOrigins: ['self'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#112233', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS });
  }, 60_000);
  afterAll(() => h.close());

  it('lists free future slots, books one exactly once, writes the outbox, refuses past and unknown slots', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(await addSlots('cal', [at('2026-11-30T10:00:00Z'), at('2026-12-08T10:00:00Z'), at('2026-12-08T10:15:00Z')], 15, h.db)).toBe(3);
    expect(await addSlots('cal', [at('2026-12-08T10:00:00Z')], 15, h.db)).toBe(0);
    const free = await freeSlots('cal', now, 6, h.db);
    expect(free.map((s) => s.label)).toEqual(['Tue 8 Dec, 10:00 UTC', 'Tue 8 Dec, 10:15 UTC']);
    const slotId = free[0]?.id ?? '';
    const race = await Promise.all([
      bookSlot({ siteId: 'cal', slotId, name: 'Ada', email: 'ada@example.com' }, now, h.db),
      bookSlot({ siteId: 'cal', slotId, name: 'Bob', email: 'bob@example.com' }, now, h.db),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'slot_taken' });
    expect((await freeSlots('cal', now, 6, h.db)).map((s) => s.label)).toEqual(['Tue 8 Dec, 10:15 UTC']);
    expect(await listBookings('cal', h.db)).toHaveLength(1);
    expect((await h.db.select().from(websiteOutbox)).map((o) => o.kind)).toEqual(['booking.created']);
    expect(await bookSlot({ siteId: 'cal', slotId: '00000000-0000-0000-0000-000000000000', name: 'x', email: 'x@example.com' }, now, h.db)).toMatchObject({ ok: false, code: 'slot_not_found' });
  }, 60_000);
});
