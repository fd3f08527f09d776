import { sql } from 'drizzle-orm';
import { check, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Debrief } from '@/lib/contracts/debrief';
import type { Speaker } from '@/lib/contracts/transcript';
import type { EndReason } from '@/lib/contracts/practice-session';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import { OBJECTION_TYPES, SENTIMENTS, type ObjectionType, type Sentiment } from '@/lib/contracts/turn-tag';
import { users } from './accounts-schema';

/** `column in ('a', 'b')` from a vocabulary list (check constraints take no parameters). */
const oneOf = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`);

/** Tables for practice sessions and custom scenarios. SQL names are snake_case. */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();


export const practiceSessions = pgTable(
  'practice_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who practised; null only for sessions from before accounts (the owner account adopts them). */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    scenarioTitle: text('scenario_title').notNull(),
    /**
     * The scenario exactly as practised, so history survives edits and deletions.
     * json, not jsonb: jsonb reorders object keys, and the author's order of facts reaches the prompt.
     */
    scenario: json('scenario').$type<Scenario>().notNull(),
    difficulty: text('difficulty').$type<Difficulty>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endReason: text('end_reason').$type<EndReason>(),
    metrics: jsonb('metrics').$type<DeliveryMetrics>(),
    debrief: jsonb('debrief').$type<Debrief>(),
    // The effective score: the coach's when a coach scored it (review-queries.ts), else the debrief's.
    score: integer('score'),
  },
  (t) => [
    index('practice_sessions_started_at_idx').on(t.startedAt),
    index('practice_sessions_user_started_idx').on(t.userId, t.startedAt),
    index('practice_sessions_scenario_started_idx').on(t.scenarioId, t.startedAt),
    // Scored attempts per scenario, oldest first: first, latest, trend window and chart points are index lookups.
    index('practice_sessions_scenario_scored_idx').on(t.scenarioId, t.startedAt, t.id).where(sql`${t.score} is not null`),
    // The best (earliest on a tie) scored attempt per scenario.
    index('practice_sessions_scenario_best_idx').on(t.scenarioId, t.score.desc(), t.startedAt, t.id).where(sql`${t.score} is not null`),
    check('practice_sessions_difficulty_check', sql`${t.difficulty} in ('easy', 'medium', 'hard')`),
    check('practice_sessions_score_check', sql`${t.score} is null or ${t.score} between 1 and 10`),
    check('practice_sessions_end_reason_check', sql`${t.endReason} is null or ${t.endReason} in ('user', 'time_limit', 'disconnected')`),
  ],
);

export const transcriptItems = pgTable(
  'transcript_items',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => practiceSessions.id, { onDelete: 'cascade' }),
    /** The realtime conversation item id; appends are idempotent on (session_id, item_id). */
    itemId: text('item_id').notNull(),
    seq: integer('seq').notNull(),
    speaker: text('speaker').$type<Speaker>().notNull(),
    text: text('text').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'transcript_items_pk', columns: [t.sessionId, t.itemId] }),
    index('transcript_items_session_seq_idx').on(t.sessionId, t.seq),
    check('transcript_items_speaker_check', sql`${t.speaker} in ('user', 'client')`),
  ],
);

export const turnTags = pgTable(
  'turn_tags',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => practiceSessions.id, { onDelete: 'cascade' }),
    /** The tag_turn tool call id; recording is idempotent on (session_id, call_id). */
    callId: text('call_id').notNull(),
    /** The persona's transcript item this tag describes, when known. */
    itemId: text('item_id'),
    objectionType: text('objection_type').$type<ObjectionType>().notNull(),
    difficulty: integer('difficulty').notNull(),
    sentiment: text('sentiment').$type<Sentiment>().notNull(),
    nextProbe: text('next_probe').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'turn_tags_pk', columns: [t.sessionId, t.callId] }),
    index('turn_tags_session_created_idx').on(t.sessionId, t.createdAt),
    check('turn_tags_difficulty_check', sql`${t.difficulty} between 1 and 5`),
    check('turn_tags_objection_type_check', sql`${t.objectionType} in ${oneOf(OBJECTION_TYPES)}`),
    check('turn_tags_sentiment_check', sql`${t.sentiment} in ${oneOf(SENTIMENTS)}`),
  ],
);

export const customScenarios = pgTable('custom_scenarios', {
  id: text('id').primaryKey(),
  /** Whose scenario; null only for scenarios from before accounts (the owner account adopts them). */
  userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** The whole scenario, validated by lib/scenarios/schema.ts before it is written (json keeps key order). */
  scenario: json('scenario').$type<Scenario>().notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type PracticeSessionRow = typeof practiceSessions.$inferSelect;
export type NewPracticeSessionRow = typeof practiceSessions.$inferInsert;
export type TranscriptItemRow = typeof transcriptItems.$inferSelect;
export type NewTranscriptItemRow = typeof transcriptItems.$inferInsert;
export type TurnTagRow = typeof turnTags.$inferSelect;
export type CustomScenarioRow = typeof customScenarios.$inferSelect;

export * from './live-sessions-schema';
export * from './limits-schema';
export * from './accounts-schema';
export * from './review-schema';
export * from './website-schema';
export * from './assist-schema';
export * from './studio-schema';
export * from './phone-calls-schema';
