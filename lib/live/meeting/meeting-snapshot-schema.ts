import { z } from 'zod';
import { HINT_KINDS } from '@/lib/live/settings/defaults';

/** The shape of the tab's kept meeting (meeting-snapshot.ts), loaded only when a copy is read back. */
const rowSchema = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  partial: z.string(),
  status: z.enum(['in_progress', 'completed', 'incomplete']),
  source: z.enum(['voice', 'text']),
  placeholder: z.boolean(),
  at: z.number(),
});

const cardSchema = z.object({
  requestId: z.string().min(1),
  kind: z.enum(HINT_KINDS),
  trigger: z.string(),
  source: z.enum(['phrase', 'button', 'shortcut']),
  requestedAt: z.number(),
  contextMessages: z.number(),
  responseId: z.string().nullable(),
  itemId: z.string().nullable(),
  status: z.enum(['requested', 'speaking', 'done', 'interrupted', 'failed']),
  interruptedBy: z.string().nullable(),
});

export const meetingSnapshotSchema = z.object({
  version: z.literal(1),
  meetingId: z.uuid(),
  agentId: z.string().nullable(),
  backend: z.enum(['local', 'openai']).nullable(),
  model: z.string().nullable(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** The call was up (connected or reconnecting) when this was written: the page went away mid-meeting. */
  live: z.boolean(),
  /** Changed since it was last saved to Past meetings (or never saved). */
  unsaved: z.boolean(),
  /** When the rows or cards last changed, and when this copy was written (epoch ms). */
  changedAt: z.number(),
  writtenAt: z.number(),
  rows: z.array(rowSchema),
  hints: z.array(cardSchema),
});
export type MeetingSnapshot = z.infer<typeof meetingSnapshotSchema>;
