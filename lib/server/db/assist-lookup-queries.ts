import { sql, type SQL } from 'drizzle-orm';
import type { CustomerCard, CustomerContext, CustomerMatch, OrderLineView, OrderView, TicketView } from '@/lib/assist/call/call-types';
import type { Database } from './client';

/**
 * Lookups in the systems of record, each one index probe: order number (unique), email (unique,
 * lower-cased), phone (E.164) and name (pg_trgm similarity on a GIN index, ranked, typo-tolerant).
 * They take the database so the bench and tests can pass their own.
 */

async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] };
  if (!Array.isArray(result.rows)) throw new Error('the database driver returned no rows array');
  return result.rows;
}

const isoOf = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

type CustomerRow = { id: number; full_name: string; email: string; phone: string | null; tier: string; status: string; city: string | null; country: string | null };
const CUSTOMER_COLUMNS = sql.raw('c.id, c.full_name, c.email, c.phone, c.tier, c.status, c.city, c.country');

function card(r: CustomerRow): CustomerCard {
  return { id: Number(r.id), fullName: r.full_name, email: r.email, phone: r.phone, tier: r.tier, status: r.status, city: r.city, country: r.country };
}

type OrderRow = { id: number; order_number: string; status: string; placed_at: Date | string; total_cents: number; currency: string; carrier: string | null; tracking_number: string | null; note: string | null };
const ORDER_COLUMNS = sql.raw('o.id, o.order_number, o.status, o.placed_at, o.total_cents, o.currency, o.carrier, o.tracking_number, o.note');

function order(r: OrderRow, lines?: OrderLineView[]): OrderView {
  return {
    orderNumber: r.order_number, status: r.status, placedAt: isoOf(r.placed_at), totalCents: Number(r.total_cents), currency: r.currency,
    carrier: r.carrier, trackingNumber: r.tracking_number, note: r.note, ...(lines ? { lines } : {}),
  };
}

/** Normalise what was said or typed to the stored forms. */
const normalizeEmail = (email: string) => email.trim().toLowerCase();
function normalizePhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  if (phone.trim().startsWith('+') && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return null;
}

export async function customerByOrderNumber(db: Database, orderNumber: string): Promise<CustomerMatch | null> {
  const [r] = await rows<CustomerRow>(db, sql`select ${CUSTOMER_COLUMNS} from assist_orders o join assist_customers c on c.id = o.customer_id where o.order_number = ${orderNumber.trim()}`);
  return r ? { ...card(r), score: 1, matchedOn: 'order' } : null;
}

export async function customerByEmail(db: Database, email: string): Promise<CustomerMatch | null> {
  const [r] = await rows<CustomerRow>(db, sql`select ${CUSTOMER_COLUMNS} from assist_customers c where c.email = ${normalizeEmail(email)}`);
  return r ? { ...card(r), score: 1, matchedOn: 'email' } : null;
}

export async function customerByPhone(db: Database, phone: string): Promise<CustomerMatch | null> {
  const e164 = normalizePhone(phone);
  if (!e164) return null;
  const [r] = await rows<CustomerRow>(db, sql`select ${CUSTOMER_COLUMNS} from assist_customers c where c.phone = ${e164} limit 1`);
  return r ? { ...card(r), score: 1, matchedOn: 'phone' } : null;
}

/**
 * Trigram similarity the name search asks for first (every connection starts with it, see
 * SESSION_SETTINGS in ./client), and the looser one it falls back to when nothing is that close.
 * The GIN index returns every row over the threshold and each candidate is rechecked on the heap
 * before ranking, so the stricter first pass reads about half the rows; a name with one typo
 * still scores above 0.5 against itself (bench:assist counts how often the right customer is in
 * the top 5).
 */
const LOOSE_NAME_SIMILARITY = '0.3';

/** Customers whose name is like the query (typos allowed), best first. */
export async function customersByName(db: Database, name: string, limit = 5): Promise<CustomerMatch[]> {
  const q = name.trim().replace(/\s+/g, ' ');
  if (q.length < 3) return [];
  const query = sql`select ${CUSTOMER_COLUMNS}, similarity(c.full_name, ${q}) as score from assist_customers c
      where c.full_name % ${q} order by score desc, c.id limit ${limit}`;
  let found = await rows<CustomerRow & { score: number }>(db, query);
  if (found.length === 0) {
    found = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${LOOSE_NAME_SIMILARITY}, true)`);
      return rows<CustomerRow & { score: number }>(tx as unknown as Database, query);
    });
  }
  return found.map((r) => ({ ...card(r), score: Math.round(Number(r.score) * 1000) / 1000, matchedOn: 'name' as const }));
}

/** The order with its lines, or null when no such order exists. */
export async function orderDetails(db: Database, orderNumber: string): Promise<(OrderView & { customerId: number }) | null> {
  const [o] = await rows<OrderRow & { customer_id: number }>(db, sql`select ${ORDER_COLUMNS}, o.customer_id from assist_orders o where o.order_number = ${orderNumber.trim()}`);
  if (!o) return null;
  const lines = await rows<{ sku: string; product_name: string; quantity: number; unit_price_cents: number }>(
    db,
    sql`select sku, product_name, quantity, unit_price_cents from assist_order_lines where order_id = ${o.id} order by id`,
  );
  return {
    ...order(o, lines.map((l) => ({ sku: l.sku, productName: l.product_name, quantity: Number(l.quantity), unitPriceCents: Number(l.unit_price_cents) }))),
    customerId: Number(o.customer_id),
  };
}

/** What the customer panel shows: the profile, the 5 latest orders, open tickets and the order in question. */
export async function customerContext(db: Database, customerId: number, focusOrderNumber?: string | null): Promise<CustomerContext | null> {
  const [c] = await rows<CustomerRow>(db, sql`select ${CUSTOMER_COLUMNS} from assist_customers c where c.id = ${customerId}`);
  if (!c) return null;
  const [orders, tickets, focus] = await Promise.all([
    rows<OrderRow>(db, sql`select ${ORDER_COLUMNS} from assist_orders o where o.customer_id = ${customerId} order by o.placed_at desc limit 5`),
    rows<{ id: number; subject: string; status: string; priority: string; order_number: string | null; created_at: Date | string }>(
      db,
      sql`select id, subject, status, priority, order_number, created_at from assist_tickets where customer_id = ${customerId} and status <> 'closed' order by created_at desc limit 5`,
    ),
    focusOrderNumber ? orderDetails(db, focusOrderNumber) : Promise.resolve(null),
  ]);
  const ticketViews: TicketView[] = tickets.map((t) => ({ id: Number(t.id), subject: t.subject, status: t.status, priority: t.priority, orderNumber: t.order_number, createdAt: isoOf(t.created_at) }));
  const focusOrder = focus && focus.customerId === customerId ? (({ customerId: _c, ...rest }) => rest)(focus) : null;
  return { customer: card(c), orders: orders.map((o) => order(o)), tickets: ticketViews, focusOrder };
}
