import 'server-only';
import type { CallAlert, CustomerContext } from '@/lib/assist/call/call-types';
import type { CallStarted, ChecklistItemView, LiveCallView, PastCallView, TurnResult } from '@/lib/assist/call/call-views';
import { callTypeOf, disclosureAlerts, tickChecklist } from '@/lib/assist/call/checklist';
import { proposeActions } from '@/lib/assist/call/proposals';
import { redactPii, type PiiKind } from '@/lib/assist/call/redact';
import { sentimentOf, sentimentTrend } from '@/lib/assist/call/sentiment';
import { detectEntities, NO_ENTITIES } from '@/lib/assist/entities/detect';
import type { ChecklistState, Disposition } from '@/lib/assist/call/call-types';
import type { Database } from '@/lib/server/db/client';
import { customerContext } from '@/lib/server/db/assist-lookup-queries';
import * as q from '@/lib/server/db/assist-call-queries';
import type { AssistCallRow } from '@/lib/server/db/assist-schema';
import { resolveCustomer } from './resolve-customer';

/**
 * One live call on the server: every turn is redacted before it is stored, scored for sentiment,
 * ticks the checklist, and (on the customer channel) is searched for entities that find the
 * customer. The call row carries the state the supervisor view reads.
 */

export class AssistCallError extends Error {
  constructor(readonly code: 'not_found' | 'not_live', message: string) {
    super(message);
  }
}

const PII_LABEL: Record<PiiKind, string> = { card_number: 'A card number', ssn: 'A social security number', security_code: 'A card security code' };

function checklistView(state: ChecklistState): ChecklistItemView[] {
  return callTypeOf(state.callType).items.map((i) => ({ id: i.id, label: i.label, required: i.disclosureWithinSec !== undefined, tickedAtSec: state.ticks[i.id] ?? null }));
}

const secondsSince = (start: Date, now = Date.now()) => Math.max(0, Math.round((now - start.getTime()) / 1000));

function openAlerts(call: Pick<AssistCallRow, 'checklist' | 'alerts' | 'startedAt'>, nowMs = Date.now()): CallAlert[] {
  return [...disclosureAlerts(call.checklist, secondsSince(call.startedAt, nowMs)), ...call.alerts];
}

export async function startCall(db: Database, callType: string, agentUserId: string | null): Promise<CallStarted> {
  const row = await q.insertCall(db, callTypeOf(callType).id, agentUserId);
  return { id: row.id, callType: row.callType, startedAt: row.startedAt.toISOString(), checklist: checklistView(row.checklist) };
}

async function liveCall(db: Database, id: string): Promise<AssistCallRow> {
  const call = await q.getCall(db, id);
  if (!call) throw new AssistCallError('not_found', 'This call is not on record.');
  if (call.status !== 'live') throw new AssistCallError('not_live', 'This call has ended; start a new call to go on.');
  return call;
}

export async function addTurn(db: Database, input: { callId: string; speaker: 'agent' | 'customer'; source: 'mic' | 'tab' | 'typed'; text: string }): Promise<TurnResult> {
  const call = await liveCall(db, input.callId);
  const atSec = secondsSince(call.startedAt);
  const { text, found } = redactPii(input.text);
  const customer = input.speaker === 'customer';
  const sentiment = customer ? sentimentOf(text) : null;
  const turn = await q.insertTurn(db, call.id, { speaker: input.speaker, source: input.source, text, redacted: found.length > 0, sentiment });
  const { state: checklist, ticked } = tickChecklist(call.checklist, input.speaker, text, atSec);
  const piiAlerts: CallAlert[] = found.map((k) => ({ id: `pii:${k}:${turn.seq}`, kind: 'pii_spoken', message: `${PII_LABEL[k]} was spoken (turn ${turn.seq}); it is redacted in what is stored.`, atSec }));
  const entities = customer ? detectEntities(text) : NO_ENTITIES;
  const resolution = customer ? await resolveCustomer(db, entities) : { match: null, candidates: [], notFound: [] };
  const customerId = resolution.match?.id ?? call.customerId;
  const orderNumber = entities.orderNumbers.find((n) => !resolution.notFound.some((m) => m.includes(n))) ?? call.orderNumber;
  const context: CustomerContext | null = customerId ? await customerContext(db, customerId, orderNumber) : null;
  const sentiments = sentiment === null ? call.sentiments : [...call.sentiments, sentiment];
  const alerts = [...call.alerts, ...piiAlerts];
  await q.updateCall(db, call.id, { customerId, orderNumber: context?.focusOrder ? orderNumber : call.orderNumber, checklist, alerts, sentiments });
  return {
    turn: { seq: turn.seq, speaker: turn.speaker, source: turn.source, text: turn.text, redacted: turn.redacted, sentiment, atSec },
    entities,
    context,
    candidates: resolution.match ? [] : resolution.candidates,
    notFound: resolution.notFound,
    checklist: checklistView(checklist),
    ticked,
    alerts: openAlerts({ checklist, alerts, startedAt: call.startedAt }),
    sentiments,
    trend: sentimentTrend(sentiments),
    proposals: customer ? proposeActions(text, context) : [],
  };
}

/** The agent picked a customer (a ranked candidate or a manual search result). */
export async function selectCustomer(db: Database, callId: string, customerId: number): Promise<CustomerContext | null> {
  const call = await liveCall(db, callId);
  const ctx = await customerContext(db, customerId, call.orderNumber);
  if (!ctx) return null;
  await q.updateCall(db, call.id, { customerId });
  return ctx;
}

export async function callAlerts(db: Database, callId: string): Promise<{ alerts: CallAlert[]; checklist: ChecklistItemView[] }> {
  const call = await q.getCall(db, callId);
  if (!call) throw new AssistCallError('not_found', 'This call is not on record.');
  return { alerts: openAlerts(call), checklist: checklistView(call.checklist) };
}

export async function liveCalls(db: Database, scope: q.CallScope, nowMs = Date.now()): Promise<LiveCallView[]> {
  const rows = await q.liveCallRows(db, scope);
  return rows.map(({ call, customerName, agentName }) => ({
    id: call.id,
    agentName,
    callType: callTypeOf(call.callType).label,
    startedAt: call.startedAt.toISOString(),
    durationSec: secondsSince(call.startedAt, nowMs),
    customerName,
    orderNumber: call.orderNumber,
    sentiments: call.sentiments,
    trend: sentimentTrend(call.sentiments),
    alerts: openAlerts(call, nowMs),
    lastActivityAt: call.lastActivityAt.toISOString(),
    checklistDone: Object.keys(call.checklist.ticks).length,
    checklistTotal: callTypeOf(call.callType).items.length,
  }));
}

export async function searchCalls(db: Database, scope: q.CallScope, query: string): Promise<PastCallView[]> {
  const rows = await q.searchCallRows(db, scope, query);
  return rows.map(({ call, customerName }) => ({
    id: call.id,
    startedAt: call.startedAt.toISOString(),
    durationSec: call.endedAt ? Math.round((call.endedAt.getTime() - call.startedAt.getTime()) / 1000) : null,
    customerName,
    orderNumber: call.orderNumber,
    disposition: (call.disposition as Disposition | null) ?? null,
    summary: call.summary ?? null,
    status: call.status === 'saved' ? 'saved' : 'ended',
  }));
}
