import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SiteLimits, SiteTheme } from '@/lib/contracts/website';

/**
 * The website widget's tables: sites, their knowledge chunks (full-text and trigram indexes are
 * added by hand in migration 0007: a generated tsvector column `tsv`, GIN indexes), the daily
 * realtime budget, leads, availability slots and bookings, a CRM outbox and analytics events.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const websiteSites = pgTable('website_sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  allowedOrigins: jsonb('allowed_origins').$type<string[]>().notNull(),
  agentId: text('agent_id').notNull(),
  goal: text('goal').notNull(),
  theme: jsonb('theme').$type<SiteTheme>().notNull(),
  limits: jsonb('limits').$type<SiteLimits>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const websiteKnowledgeChunks = pgTable(
  'website_knowledge_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: text('site_id').notNull().references(() => websiteSites.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title').notNull(),
    headingPath: text('heading_path').notNull(),
    /** Position of the chunk in its page (0-based); with url, the chunk's identity across re-ingests. */
    ordinal: integer('ordinal').notNull(),
    body: text('body').notNull(),
    contentHash: text('content_hash').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('website_chunks_page_ordinal_idx').on(t.siteId, t.url, t.ordinal)],
);

/**
 * How many of a site's chunks hold each lexeme (the document frequency), kept by statement
 * triggers on website_knowledge_chunks (added by hand in migration 0011_website_search_outbox). search_knowledge reads it
 * to build its candidate pool from the rarest words of a question, and matches words no chunk holds
 * (misspelt names, typos) to the nearest lexemes by trigram.
 */
export const websiteKnowledgeTerms = pgTable(
  'website_knowledge_terms',
  {
    siteId: text('site_id').notNull().references(() => websiteSites.id, { onDelete: 'cascade' }),
    lexeme: text('lexeme').notNull(),
    chunks: integer('chunks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.lexeme] }), index('website_terms_lexeme_trgm_idx').using('gin', t.lexeme.op('gin_trgm_ops'))],
);

export const websiteUsageDays = pgTable(
  'website_usage_days',
  {
    siteId: text('site_id').notNull().references(() => websiteSites.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    /** Realtime seconds reserved by the sessions minted that day (each reserves its maximum length). */
    secondsReserved: integer('seconds_reserved').notNull().default(0),
    sessions: integer('sessions').notNull().default(0),
    refusals: integer('refusals').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day] })],
);

export const websiteLeads = pgTable(
  'website_leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: text('site_id').notNull().references(() => websiteSites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    company: text('company').notNull().default(''),
    role: text('role').notNull().default(''),
    challenge: text('challenge').notNull().default(''),
    consent: boolean('consent').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('website_leads_site_created_idx').on(t.siteId, t.createdAt)],
);

export const websiteSlots = pgTable(
  'website_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: text('site_id').notNull().references(() => websiteSites.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    minutes: integer('minutes').notNull().default(15),
  },
  (t) => [uniqueIndex('website_slots_site_start_idx').on(t.siteId, t.startsAt)],
);

export const websiteBookings = pgTable('website_bookings', {
  id: uuid('id').primaryKey().defaultRandom(),
  siteId: text('site_id').notNull().references(() => websiteSites.id, { onDelete: 'cascade' }),
  /** One booking per slot: the unique key is what stops a double booking. */
  slotId: uuid('slot_id').notNull().unique().references(() => websiteSlots.id, { onDelete: 'cascade' }),
  leadId: uuid('lead_id').references(() => websiteLeads.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  email: text('email').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const websiteOutbox = pgTable(
  'website_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: text('site_id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** When the delivery sweep may (re)try it: now for a new row, later after each failure (backoff), or a claim's lease. */
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [index('website_outbox_pending_idx').on(t.createdAt).where(sql`${t.deliveredAt} is null`), index('website_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`)],
);

export const websiteEvents = pgTable(
  'website_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: text('site_id').notNull(),
    visit: text('visit').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('website_events_site_at_idx').on(t.siteId, t.at)],
);

export type WebsiteSiteRow = typeof websiteSites.$inferSelect;
export type WebsiteLeadRow = typeof websiteLeads.$inferSelect;
