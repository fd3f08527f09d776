import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LiveSessionLine } from '@/lib/live/meeting/saved-meeting';
import { users } from './accounts-schema';

/**
 * Finished live meetings (the live hint assistant's "Past meetings"). The id is chosen by the
 * page when the meeting starts, so saving a continued meeting again replaces it. The lines are
 * one jsonb array (validated by lib/live/meeting/saved-meeting.ts before they are written);
 * counts are kept beside them so a list never reads the lines. user_id is whose meeting it is
 * (null only for meetings from before accounts: the owner account adopts them).
 */
export const liveSessions = pgTable(
  'live_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    agentId: text('agent_id').notNull(),
    backend: text('backend').$type<'local' | 'openai'>().notNull(),
    model: text('model'),
    voice: text('voice'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }).notNull(),
    lineCount: integer('line_count').notNull(),
    hintCount: integer('hint_count').notNull(),
    lines: jsonb('lines').$type<LiveSessionLine[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('live_sessions_started_at_idx').on(t.startedAt),
    index('live_sessions_user_started_idx').on(t.userId, t.startedAt),
    check('live_sessions_backend_check', sql`${t.backend} in ('local', 'openai')`),
    check('live_sessions_times_check', sql`${t.endedAt} >= ${t.startedAt}`),
    check('live_sessions_counts_check', sql`${t.lineCount} >= 0 and ${t.hintCount} between 0 and ${t.lineCount}`),
  ],
);

export type LiveSessionRow = typeof liveSessions.$inferSelect;
