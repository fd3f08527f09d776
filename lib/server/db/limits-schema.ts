import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Limits every app instance shares (lib/server/limits). One row per limit key and its
 * current fixed window, bumped by one atomic upsert; and one row per minted realtime
 * session, whose duration counts against the subject's realtime minutes per day.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    /** `<limit name>:<subject or ip>` */
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    used: integer('used').notNull(),
  },
  (t) => [index('rate_limit_counters_window_idx').on(t.windowStart), check('rate_limit_counters_used_check', sql`${t.used} >= 0`)],
);

export const realtimeUsage = pgTable(
  'realtime_usage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who is spending: a user id once accounts exist, the client address before. */
    subject: text('subject').notNull(),
    agentId: text('agent_id').notNull(),
    /** The practice session the call belongs to, when it is a role-play. */
    ref: text('ref'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when the session is known to have ended; until then it counts as running, up to maxSeconds. */
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    maxSeconds: integer('max_seconds').notNull(),
  },
  (t) => [
    index('realtime_usage_subject_started_idx').on(t.subject, t.startedAt),
    check('realtime_usage_max_seconds_check', sql`${t.maxSeconds} > 0`),
    check('realtime_usage_times_check', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
