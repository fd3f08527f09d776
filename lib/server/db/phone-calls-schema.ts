import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PhoneCallEvent, PhoneCallSource, PhoneCallStatus, PhoneCallUsage, PhoneToolCall, PhoneTranscriptLine } from '@/lib/contracts/phone-call';
import { users } from './accounts-schema';

/**
 * Phone calls (Twilio and the phone simulator), one row each, written while the call runs
 * (the live view reads it) and completed when it ends. Transcript, events and tool calls are
 * jsonb arrays, capped by the writer; the list reads only the scalar columns.
 */
export const phoneCalls = pgTable(
  'phone_calls',
  {
    id: uuid('id').primaryKey(),
    source: text('source').$type<PhoneCallSource>().notNull(),
    agentId: text('agent_id').notNull(),
    agentName: text('agent_name').notNull(),
    agentVersion: integer('agent_version').notNull(),
    /** Twilio's ids (null for the simulator). */
    callSid: text('call_sid'),
    streamSid: text('stream_sid'),
    fromNumber: text('from_number'),
    toNumber: text('to_number'),
    /** Who called from the simulator. */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    backend: text('backend').$type<'local' | 'openai'>().notNull(),
    status: text('status').$type<PhoneCallStatus>().notNull(),
    endReason: text('end_reason'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    durationMs: integer('duration_ms'),
    transcript: jsonb('transcript').$type<PhoneTranscriptLine[]>().notNull().default([]),
    events: jsonb('events').$type<PhoneCallEvent[]>().notNull().default([]),
    toolCalls: jsonb('tool_calls').$type<PhoneToolCall[]>().notNull().default([]),
    usage: jsonb('usage').$type<PhoneCallUsage>(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('phone_calls_started_at_idx').on(t.startedAt),
    index('phone_calls_status_started_idx').on(t.status, t.startedAt),
    index('phone_calls_agent_started_idx').on(t.agentId, t.startedAt),
    check('phone_calls_source_check', sql`${t.source} in ('twilio', 'simulator')`),
    check('phone_calls_status_check', sql`${t.status} in ('in_progress', 'completed', 'transferred', 'failed')`),
    check('phone_calls_backend_check', sql`${t.backend} in ('local', 'openai')`),
  ],
);

export type PhoneCallRow = typeof phoneCalls.$inferSelect;
export type NewPhoneCallRow = typeof phoneCalls.$inferInsert;
