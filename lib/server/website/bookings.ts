import 'server-only';
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import { slotLabel } from '@/lib/website/bookings/ics';
import { db } from '@/lib/server/db/connection';
import type { Database } from '@/lib/server/db/client';
import { pgErrorCode } from '@/lib/server/db/queries';
import { websiteBookings, websiteOutbox, websiteSlots } from '@/lib/server/db/schema';

/**
 * The availability calendar the admin keeps (15-minute discovery-call slots) and the bookings the
 * widget makes. One booking per slot (a unique key): two visitors racing for a slot get one
 * booking and one "already taken". A booking and its CRM outbox row are written together.
 */
export type Slot = { id: string; startsAt: string; minutes: number; label: string; booked: boolean };

export async function addSlots(siteId: string, startsAt: readonly Date[], minutes: number, database: Database = db()): Promise<number> {
  if (startsAt.length === 0) return 0;
  const rows = await database
    .insert(websiteSlots)
    .values(startsAt.map((s) => ({ siteId, startsAt: s, minutes })))
    .onConflictDoNothing()
    .returning({ id: websiteSlots.id });
  return rows.length;
}

export async function listSlots(siteId: string, database: Database = db()): Promise<Slot[]> {
  const rows = await database
    .select({ id: websiteSlots.id, startsAt: websiteSlots.startsAt, minutes: websiteSlots.minutes, bookingId: websiteBookings.id })
    .from(websiteSlots)
    .leftJoin(websiteBookings, eq(websiteBookings.slotId, websiteSlots.id))
    .where(eq(websiteSlots.siteId, siteId))
    .orderBy(asc(websiteSlots.startsAt))
    .limit(500);
  return rows.map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString(), minutes: r.minutes, label: slotLabel(r.startsAt.toISOString()), booked: r.bookingId !== null }));
}

/** The next free slots after `now`. */
export async function freeSlots(siteId: string, now: Date = new Date(), limit = 6, database: Database = db()): Promise<Slot[]> {
  const rows = await database
    .select({ id: websiteSlots.id, startsAt: websiteSlots.startsAt, minutes: websiteSlots.minutes })
    .from(websiteSlots)
    .leftJoin(websiteBookings, eq(websiteBookings.slotId, websiteSlots.id))
    .where(and(eq(websiteSlots.siteId, siteId), gt(websiteSlots.startsAt, now), isNull(websiteBookings.id)))
    .orderBy(asc(websiteSlots.startsAt))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString(), minutes: r.minutes, label: slotLabel(r.startsAt.toISOString()), booked: false }));
}

export type BookingResult =
  | { ok: true; booking: { id: string; startsAt: string; minutes: number; label: string; name: string; email: string } }
  | { ok: false; code: 'slot_not_found' | 'slot_taken' | 'slot_past'; message: string };

export async function bookSlot(input: { siteId: string; slotId: string; name: string; email: string }, now: Date = new Date(), database: Database = db()): Promise<BookingResult> {
  const [slot] = await database.select().from(websiteSlots).where(and(eq(websiteSlots.id, input.slotId), eq(websiteSlots.siteId, input.siteId))).limit(1);
  if (!slot) return { ok: false, code: 'slot_not_found', message: 'That time slot does not exist any more. Pick another one.' };
  if (slot.startsAt <= now) return { ok: false, code: 'slot_past', message: 'That time slot has already passed. Pick another one.' };
  try {
    const booking = await database.transaction(async (tx) => {
      const [row] = await tx.insert(websiteBookings).values({ siteId: input.siteId, slotId: slot.id, name: input.name, email: input.email }).returning();
      if (!row) throw new Error('the booking returned no row');
      await tx.insert(websiteOutbox).values({ siteId: input.siteId, kind: 'booking.created', payload: { bookingId: row.id, startsAt: slot.startsAt.toISOString(), minutes: slot.minutes, name: input.name, email: input.email } });
      return row;
    });
    const startsAt = slot.startsAt.toISOString();
    return { ok: true, booking: { id: booking.id, startsAt, minutes: slot.minutes, label: slotLabel(startsAt), name: booking.name, email: booking.email } };
  } catch (error) {
    if (pgErrorCode(error) === '23505') return { ok: false, code: 'slot_taken', message: 'Someone has just booked that time. Pick another one.' };
    throw error;
  }
}

export type BookingRow = { id: string; startsAt: string; name: string; email: string; createdAt: string };

export async function listBookings(siteId: string, database: Database = db()): Promise<BookingRow[]> {
  const rows = await database
    .select({ id: websiteBookings.id, startsAt: websiteSlots.startsAt, name: websiteBookings.name, email: websiteBookings.email, createdAt: websiteBookings.createdAt })
    .from(websiteBookings)
    .innerJoin(websiteSlots, eq(websiteSlots.id, websiteBookings.slotId))
    .where(eq(websiteBookings.siteId, siteId))
    .orderBy(desc(websiteSlots.startsAt))
    .limit(1000);
  return rows.map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString(), name: r.name, email: r.email, createdAt: r.createdAt.toISOString() }));
}
