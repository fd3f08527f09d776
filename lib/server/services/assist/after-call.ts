import 'server-only';
import type { ActionKind, CallSummary, Disposition } from '@/lib/assist/call/call-types';
import type { CallEnded } from '@/lib/assist/call/call-views';
import { Agent, Runner } from '@openai/agents';
import { draftSummary, type SummaryDraft, type SummaryInput } from '@/lib/assist/summary/rubric';
import { buildSummaryInput, draftOfOutput, SUMMARY_INSTRUCTIONS, summaryOutputSchema } from '@/lib/assist/summary/summary-request';
import type { DraftedBy } from '@/lib/assist/call/call-views';
import type { AssistModelChoice } from '@/lib/server/model-access/text-model-provider';
import type { Database } from '@/lib/server/db/client';
import * as q from '@/lib/server/db/assist-call-queries';
import { eq } from 'drizzle-orm';
import { assistCustomers } from '@/lib/server/db/assist-schema';
import { AssistCallError } from './call-service';

/**
 * Hanging up: the call ends (the supervisor view drops it) and the summary, disposition and CRM
 * note are drafted by a text agent with a structured output (OpenAI, or the local model that
 * answers with the offline rubric) from the stored turns and confirmed actions. When the model
 * fails or is slow the rubric's draft is used and the page says why: hanging up never fails
 * because of the model. Saving stores the agent's edited version and queues the note for the CRM.
 */

const SUMMARY_TIMEOUT_MS = 20_000;

/** The draft from the model, or the rubric's with the reason the model's is missing. */
export async function draftAfterCall(choice: AssistModelChoice, input: SummaryInput, timeoutMs = SUMMARY_TIMEOUT_MS): Promise<{ draft: SummaryDraft; draftedBy: DraftedBy }> {
  const agent = new Agent({ name: 'After-call summary', instructions: SUMMARY_INSTRUCTIONS, outputType: summaryOutputSchema, model: choice.model });
  const runner = new Runner({ modelProvider: choice.provider, tracingDisabled: true });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const result = await runner.run(agent, buildSummaryInput(input), { signal, maxTurns: 1 });
    if (!result.finalOutput) throw new Error('the model returned no summary');
    return { draft: draftOfOutput(result.finalOutput), draftedBy: { by: choice.backend, model: choice.model, note: null } };
  } catch (error) {
    const why = signal.aborted ? `it took longer than ${timeoutMs / 1000} s` : error instanceof Error ? error.message : String(error);
    console.error('[assist] after-call summary by the model failed', error);
    return {
      draft: draftSummary(input),
      draftedBy: { by: 'rubric', model: null, note: `The model could not draft this summary (${why}); this is the offline rubric's draft.` },
    };
  }
}

export async function endCall(db: Database, callId: string, choice: AssistModelChoice): Promise<CallEnded> {
  const ended = (await q.endCallRow(db, callId)) ?? (await q.getCall(db, callId));
  if (!ended) throw new AssistCallError('not_found', 'This call is not on record.');
  const [turns, actions, customer] = await Promise.all([
    q.recentTurns(db, callId, 400),
    q.actionsOf(db, callId),
    ended.customerId ? db.select({ fullName: assistCustomers.fullName }).from(assistCustomers).where(eq(assistCustomers.id, ended.customerId)) : Promise.resolve([]),
  ]);
  const customerName = customer[0]?.fullName ?? null;
  const durationSec = Math.round(((ended.endedAt ?? new Date()).getTime() - ended.startedAt.getTime()) / 1000);
  const { draft, draftedBy } = await draftAfterCall(choice, {
    turns,
    customerName,
    orderNumber: ended.orderNumber,
    actions: actions.map((a) => ({ kind: a.kind as ActionKind, status: a.status, result: a.result })),
    durationSec,
  });
  return { id: callId, durationSec, draft, draftedBy };
}

export async function saveCall(db: Database, input: { callId: string; summary: CallSummary; disposition: Disposition; crmNote: string }, savedBy: string): Promise<{ id: string; savedAt: string }> {
  const call = await q.getCall(db, input.callId);
  if (!call) throw new AssistCallError('not_found', 'This call is not on record.');
  const saved = await q.saveCallRow(db, input.callId, { summary: input.summary, disposition: input.disposition, crmNote: input.crmNote });
  if (!saved) throw new AssistCallError('not_found', 'This call is not on record.');
  const audit = await q.recordAction(
    db,
    { callId: input.callId, kind: 'save_call_note', params: { disposition: input.disposition }, status: 'done', confirmedBy: savedBy, result: 'Summary and CRM note saved; note queued for the CRM.' },
    [{ channel: 'crm', payload: { type: 'call_note', callId: input.callId, note: input.crmNote, disposition: input.disposition } }],
  );
  return { id: input.callId, savedAt: audit.confirmedAt.toISOString() };
}
