import { z } from 'zod';
import { DISPOSITIONS } from '../call/call-types';
import type { SummaryDraft, SummaryInput } from './rubric';

/**
 * The after-call summary as a model request: instructions, the call record (its last turns,
 * the customer, the order and the actions confirmed, as JSON after a marker) and the structured
 * output the agent must return (a zod schema, sent to the model as a strict JSON schema).
 * The same request goes to OpenAI or to the local model, which answers it with the rubric.
 */

export const SUMMARY_TURNS = 80;
const TURN_CHARS = 600;
const MARKER = 'CALL_RECORD_JSON:';

export const SUMMARY_INSTRUCTIONS = [
  'You write the after-call record of a customer support call for the agent to check and edit.',
  'Use only what the call record says: never invent orders, amounts, dates or promises.',
  'reason: why the customer called, one or two sentences, with the order number if there is one.',
  'resolution: what was done on the call (the confirmed actions and their results), or that nothing was done.',
  'followUps: what someone still has to do, one short imperative sentence each; empty when nothing is left.',
  `disposition: one of ${DISPOSITIONS.join(', ')}.`,
  'crmNote: a plain-text note for the CRM with the customer, the call length in minutes, reason, resolution, follow-ups and disposition.',
  'Card numbers and other redacted parts stay redacted.',
].join('\n');

export const summaryOutputSchema = z.object({
  reason: z.string().min(1).max(2000),
  resolution: z.string().min(1).max(2000),
  followUps: z.array(z.string().min(1).max(500)).max(20),
  disposition: z.enum(DISPOSITIONS),
  crmNote: z.string().min(1).max(8000),
});
export type SummaryOutput = z.infer<typeof summaryOutputSchema>;

/** The request text: bounded (the last turns, each cut to a length), whatever the call's length. */
export function buildSummaryInput(input: SummaryInput): string {
  const record: SummaryInput = {
    ...input,
    turns: input.turns.slice(-SUMMARY_TURNS).map((t) => ({ speaker: t.speaker, text: t.text.length > TURN_CHARS ? `${t.text.slice(0, TURN_CHARS - 3)}...` : t.text })),
  };
  return `Write the after-call record for this call.\n${MARKER}${JSON.stringify(record)}`;
}

const recordSchema = z.object({
  turns: z.array(z.object({ speaker: z.enum(['agent', 'customer']), text: z.string() })),
  customerName: z.string().nullable(),
  orderNumber: z.string().nullable(),
  actions: z.array(z.object({ kind: z.string(), status: z.enum(['done', 'failed']), result: z.string() })),
  durationSec: z.number(),
});

/** The call record back out of a request (the local model reads it), or null when it is not one. */
export function parseSummaryInput(text: string): SummaryInput | null {
  const at = text.indexOf(MARKER);
  if (at < 0) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text.slice(at + MARKER.length)));
    return parsed.success ? (parsed.data as SummaryInput) : null;
  } catch {
    return null;
  }
}

export const draftOfOutput = (o: SummaryOutput): SummaryDraft => ({
  summary: { reason: o.reason, resolution: o.resolution, followUps: o.followUps },
  disposition: o.disposition,
  crmNote: o.crmNote,
});

export const outputOfDraft = (d: SummaryDraft): SummaryOutput => ({ ...d.summary, disposition: d.disposition, crmNote: d.crmNote });
