import 'server-only';
import type { ActionKind, CallSummary, Disposition } from '@/lib/assist/call/call-types';
import type { CallEnded } from '@/lib/assist/call/call-views';
import { draftSummary } from '@/lib/assist/summary/rubric';
import type { Database } from '@/lib/server/db/client';
import * as q from '@/lib/server/db/assist-call-queries';
import { eq } from 'drizzle-orm';
import { assistCustomers } from '@/lib/server/db/assist-schema';
import { AssistCallError } from './call-service';

/**
 * Hanging up: the call ends (the supervisor view drops it) and the summary, disposition and CRM
 * note are drafted by the offline rubric from the stored turns and confirmed actions. Saving
 * stores the agent's edited version with the call and queues the note for the CRM.
 */

export async function endCall(db: Database, callId: string): Promise<CallEnded> {
  const ended = (await q.endCallRow(db, callId)) ?? (await q.getCall(db, callId));
  if (!ended) throw new AssistCallError('not_found', 'This call is not on record.');
  const [turns, actions, customer] = await Promise.all([
    q.recentTurns(db, callId, 400),
    q.actionsOf(db, callId),
    ended.customerId ? db.select({ fullName: assistCustomers.fullName }).from(assistCustomers).where(eq(assistCustomers.id, ended.customerId)) : Promise.resolve([]),
  ]);
  const customerName = customer[0]?.fullName ?? null;
  const durationSec = Math.round(((ended.endedAt ?? new Date()).getTime() - ended.startedAt.getTime()) / 1000);
  const draft = draftSummary({
    turns,
    customerName,
    orderNumber: ended.orderNumber,
    actions: actions.map((a) => ({ kind: a.kind as ActionKind, status: a.status, result: a.result })),
    durationSec,
  });
  return { id: callId, durationSec, draft };
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
