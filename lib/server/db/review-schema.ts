import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts-schema';
import { practiceSessions } from './schema';

/**
 * A coach's review of a member's practice session: one score that overrides the AI or rubric
 * score (which stays stored beside it), and comments pinned to a transcript item. Settings of
 * the live assistant, per account. All go when the session or the account goes.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const coachScores = pgTable(
  'coach_scores',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => practiceSessions.id, { onDelete: 'cascade' }),
    coachId: text('coach_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('coach_scores_score_check', sql`${t.score} between 1 and 10`)],
);

export const coachComments = pgTable(
  'coach_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => practiceSessions.id, { onDelete: 'cascade' }),
    coachId: text('coach_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The transcript item (utterance) the comment is pinned to. */
    itemId: text('item_id').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('coach_comments_session_idx').on(t.sessionId, t.createdAt)],
);

export const userSettings = pgTable('user_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The live assistant's settings, validated by lib/live/settings/schema.ts before they are written. */
  settings: jsonb('settings').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export type CoachCommentRow = typeof coachComments.$inferSelect;
