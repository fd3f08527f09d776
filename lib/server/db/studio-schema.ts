import { sql } from 'drizzle-orm';
import { check, index, integer, json, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { StudioAgentConfig } from '@/lib/contracts/studio-agent';
import { users } from './accounts-schema';

/**
 * The agent studio's tables. An agent is a row pointing at its current version; every save adds a
 * version (the whole config, validated by studioAgentConfigSchema before it is written, webhook tool
 * definitions and their secrets included, so a rollback restores the tools too). Phone numbers map
 * to agents, one agent per number.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const studioAgents = pgTable('studio_agents', {
  id: text('id').primaryKey(),
  /** The version callers get; a save names the version it started from and must match it (optimistic concurrency). */
  currentVersion: integer('current_version').notNull(),
  /** Seeded from a typed config in agents/studio-builtins.ts. */
  builtin: text('builtin'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const studioAgentVersions = pgTable(
  'studio_agent_versions',
  {
    agentId: text('agent_id').notNull().references(() => studioAgents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** json, not jsonb: the author's key order (and the tools' order) is kept for diffs. */
    config: json('config').$type<StudioAgentConfig>().notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept when the account goes: history says who, always. */
    authorName: text('author_name').notNull(),
    /** Set when this version restores an older one. */
    rollbackOf: integer('rollback_of'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.version] }), check('studio_agent_versions_version_check', sql`${t.version} >= 1`)],
);

export const studioPhoneNumbers = pgTable(
  'studio_phone_numbers',
  {
    /** E.164, e.g. +14155550123 (checked here and by e164Schema). */
    number: text('number').primaryKey(),
    agentId: text('agent_id').notNull().references(() => studioAgents.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('studio_phone_numbers_agent_idx').on(t.agentId), check('studio_phone_numbers_e164_check', sql`${t.number} ~ '^\\+[1-9][0-9]{6,14}$'`)],
);

export type StudioAgentVersionRow = typeof studioAgentVersions.$inferSelect;
