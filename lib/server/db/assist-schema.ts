import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CallAlert, CallSummary, ChecklistState } from '@/lib/assist/call/call-types';

/**
 * Agent assist: the systems of record (customers, orders and their lines, tickets, policies,
 * knowledge articles) and the calls taken on /assist (turns, confirmed actions, outbox).
 * Names, emails and phones are looked up by index: email lower-cased on write, phone E.164,
 * names through pg_trgm (migration 0008 creates the extension and the GIN index).
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const assistCustomers = pgTable(
  'assist_customers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    tier: text('tier').$type<'standard' | 'silver' | 'gold' | 'platinum'>().notNull(),
    status: text('status').$type<'active' | 'suspended' | 'closed'>().notNull(),
    city: text('city'),
    country: text('country'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assist_customers_email_idx').on(t.email),
    index('assist_customers_phone_idx').on(t.phone),
    index('assist_customers_name_trgm_idx').using('gin', sql`${t.fullName} gin_trgm_ops`),
    check('assist_customers_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

export const assistOrders = pgTable(
  'assist_orders',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orderNumber: text('order_number').notNull(),
    customerId: integer('customer_id').notNull().references(() => assistCustomers.id, { onDelete: 'cascade' }),
    status: text('status').$type<'processing' | 'shipped' | 'delivered' | 'lost' | 'returned' | 'cancelled'>().notNull(),
    placedAt: ts('placed_at').notNull(),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull().default('USD'),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('assist_orders_number_idx').on(t.orderNumber),
    index('assist_orders_customer_placed_idx').on(t.customerId, t.placedAt),
  ],
);

export const assistOrderLines = pgTable(
  'assist_order_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orderId: integer('order_id').notNull().references(() => assistOrders.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    productName: text('product_name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [index('assist_order_lines_order_idx').on(t.orderId)],
);

export const assistTickets = pgTable(
  'assist_tickets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer('customer_id').notNull().references(() => assistCustomers.id, { onDelete: 'cascade' }),
    orderNumber: text('order_number'),
    subject: text('subject').notNull(),
    status: text('status').$type<'open' | 'pending' | 'closed'>().notNull(),
    priority: text('priority').$type<'low' | 'normal' | 'high'>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assist_tickets_customer_status_idx').on(t.customerId, t.status)],
);

export const assistPolicies = pgTable('assist_policies', {
  id: text('id').primaryKey(),
  kind: text('kind').$type<'returns' | 'refunds' | 'warranty' | 'shipping' | 'sla'>().notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  url: text('url').notNull(),
});

export const assistArticles = pgTable(
  'assist_articles',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    url: text('url').notNull(),
  },
  (t) => [index('assist_articles_fts_idx').using('gin', sql`to_tsvector('english', ${t.title} || ' ' || ${t.body})`)],
);

export const assistCalls = pgTable(
  'assist_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The agent who took the call (accounts arrive separately; nullable until then). */
    agentUserId: text('agent_user_id'),
    callType: text('call_type').notNull(),
    status: text('status').$type<'live' | 'ended' | 'saved'>().notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
    lastActivityAt: ts('last_activity_at').notNull().defaultNow(),
    customerId: integer('customer_id').references(() => assistCustomers.id, { onDelete: 'set null' }),
    orderNumber: text('order_number'),
    checklist: jsonb('checklist').$type<ChecklistState>().notNull(),
    alerts: jsonb('alerts').$type<CallAlert[]>().notNull().default([]),
    sentiments: jsonb('sentiments').$type<number[]>().notNull().default([]),
    summary: jsonb('summary').$type<CallSummary>(),
    disposition: text('disposition'),
    crmNote: text('crm_note'),
  },
  (t) => [
    index('assist_calls_status_started_idx').on(t.status, t.startedAt),
    index('assist_calls_customer_idx').on(t.customerId),
    check('assist_calls_status_check', sql`${t.status} in ('live', 'ended', 'saved')`),
  ],
);

export const assistCallTurns = pgTable(
  'assist_call_turns',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    callId: uuid('call_id').notNull().references(() => assistCalls.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    speaker: text('speaker').$type<'agent' | 'customer'>().notNull(),
    source: text('source').$type<'mic' | 'tab' | 'typed'>().notNull(),
    /** Redacted before it is written: card numbers and other PII never reach the table. */
    text: text('text').notNull(),
    redacted: boolean('redacted').notNull().default(false),
    sentiment: real('sentiment'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assist_call_turns_call_seq_idx').on(t.callId, t.seq),
    check('assist_call_turns_speaker_check', sql`${t.speaker} in ('agent', 'customer')`),
  ],
);

export const assistActions = pgTable(
  'assist_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull().references(() => assistCalls.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'done' | 'failed'>().notNull(),
    confirmedBy: text('confirmed_by').notNull(),
    confirmedAt: ts('confirmed_at').notNull().defaultNow(),
    result: text('result').notNull(),
  },
  (t) => [index('assist_actions_call_idx').on(t.callId, t.confirmedAt)],
);

export const assistOutbox = pgTable(
  'assist_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    actionId: uuid('action_id').notNull().references(() => assistActions.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<'email' | 'crm' | 'fulfilment' | 'scheduler' | 'supervisor'>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assist_outbox_status_idx').on(t.status, t.createdAt)],
);

/** One row once the demo data set is in: what was inserted and how long it took. */
export const assistDemoSeed = pgTable('assist_demo_seed', {
  id: text('id').primaryKey(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  millis: integer('millis').notNull(),
  seededAt: ts('seeded_at').notNull().defaultNow(),
});

export type AssistCallRow = typeof assistCalls.$inferSelect;
export type AssistCustomerRow = typeof assistCustomers.$inferSelect;
export type AssistOrderRow = typeof assistOrders.$inferSelect;
