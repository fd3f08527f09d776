'use server';

import { z } from 'zod';
import { fail, ok, runGuardedAction, type ActionResult, type AuthErrorCode } from '@/lib/contracts/action-result';
import { addTurnInputSchema, confirmActionInputSchema, saveCallInputSchema, startCallInputSchema, type AddTurnInput, type ConfirmActionInput, type CustomerContext, type CustomerMatch, type SaveCallInput } from '@/lib/assist/call/call-types';
import type { ActionDone, CallEnded, CallStarted, LiveCallView, PastCallView, TurnResult } from '@/lib/assist/call/call-views';
import { detectEntities } from '@/lib/assist/entities/detect';
import { owns, role, signedIn } from '@/lib/server/auth/guard';
import { hasRole, type Actor } from '@/lib/server/auth/policy';
import { assistDb } from '@/lib/server/services/assist/assist-db';
import { AssistCallError, addTurn, callAlerts, liveCalls, searchCalls, selectCustomer, startCall } from '@/lib/server/services/assist/call-service';
import { confirmAction } from '@/lib/server/services/assist/action-service';
import { endCall, saveCall } from '@/lib/server/services/assist/after-call';
import { assistSummaryModel } from '@/lib/server/model-access/text-model-provider';
import { resolveCustomer } from '@/lib/server/services/assist/resolve-customer';
import { customersByName } from '@/lib/server/db/assist-lookup-queries';
import { knowledgeDoc } from '@/lib/server/db/assist-knowledge-queries';
import type { KnowledgeDoc } from '@/lib/assist/demo/knowledge';
import { importCustomersCsv, type ImportReport } from '@/lib/server/db/assist-import';
import type { CallScope } from '@/lib/server/db/assist-call-queries';

/**
 * Agent assist. Every action goes through runGuardedAction: signed in; a call belongs to the
 * agent who started it (agent_user_id), and only they act on it (a coach of their team, or an
 * admin, may read it); the supervisor view is for coaches and admins; the CSV import for admins.
 * Error codes: unauthenticated, forbidden, invalid_input, not_found (no such call), not_live
 * (the call has ended), database_unavailable, internal.
 */

type Codes = 'not_found' | 'not_live';
type Fails = 'invalid_input' | 'internal' | 'database_unavailable' | AuthErrorCode;

async function guarded<T>(work: () => Promise<T>): Promise<ActionResult<T, Codes>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof AssistCallError) return fail(error.code, error.message);
    throw error;
  }
}

/** How the agent is named in audit rows: name and account id. */
const auditName = (actor: Actor) => `${actor.name} [${actor.id}]`;

/** An admin sees every call; a coach their own and their team's; a member their own. */
function scopeOf(actor: Actor): CallScope {
  if (hasRole(actor, 'admin')) return { all: true };
  return { all: false, userId: actor.id, teamId: hasRole(actor, 'coach') ? actor.teamId : null };
}

const writesCall = <D extends { callId: string }>() => owns<D>('assist_call', (d) => d.callId, 'write');

export async function startAssistCall(input: { callType: string }): Promise<ActionResult<CallStarted, Fails>> {
  return runGuardedAction(signedIn(), startCallInputSchema, input, async ({ callType }, actor) => ok(await startCall(await assistDb(), callType, actor.id)));
}

export async function addAssistTurn(input: AddTurnInput): Promise<ActionResult<TurnResult, Codes | Fails>> {
  return runGuardedAction(writesCall(), addTurnInputSchema, input, async (t) => guarded(async () => addTurn(await assistDb(), t)));
}

const searchSchema = z.object({ query: z.string().trim().min(1, 'Type a name, email, phone or order number.').max(200) });

/** The agent's manual search: order number, email or phone exactly, else names ranked. */
export async function searchAssistCustomers(input: { query: string }): Promise<ActionResult<CustomerMatch[], Fails>> {
  return runGuardedAction(signedIn(), searchSchema, input, async ({ query }) => {
    const db = await assistDb();
    const e = detectEntities(query);
    if (e.orderNumbers.length + e.emails.length + e.phones.length > 0) {
      const r = await resolveCustomer(db, { ...e, names: [] });
      return ok(r.match ? [r.match] : r.candidates);
    }
    return ok(await customersByName(db, query, 8));
  });
}

const selectSchema = z.object({ callId: z.uuid(), customerId: z.number().int().positive() });
export async function selectAssistCustomer(input: { callId: string; customerId: number }): Promise<ActionResult<CustomerContext, Codes | Fails>> {
  return runGuardedAction(writesCall(), selectSchema, input, async ({ callId, customerId }) => {
    const r = await guarded(async () => selectCustomer(await assistDb(), callId, customerId));
    if (!r.ok) return r;
    return r.data ? ok(r.data) : fail('not_found', 'That customer is no longer on record.');
  });
}

export async function confirmAssistAction(input: ConfirmActionInput): Promise<ActionResult<ActionDone, Codes | Fails>> {
  return runGuardedAction(writesCall(), confirmActionInputSchema, input, async (a, actor) => guarded(async () => confirmAction(await assistDb(), a, auditName(actor))));
}

const callIdSchema = z.object({ callId: z.uuid() });
export async function assistCallAlerts(input: { callId: string }) {
  return runGuardedAction(owns<{ callId: string }>('assist_call', (d) => d.callId, 'read'), callIdSchema, input, async ({ callId }) => guarded(async () => callAlerts(await assistDb(), callId)));
}

export async function endAssistCall(input: { callId: string }): Promise<ActionResult<CallEnded, Codes | Fails>> {
  return runGuardedAction(writesCall(), callIdSchema, input, async ({ callId }) => guarded(async () => endCall(await assistDb(), callId, assistSummaryModel())));
}

export async function saveAssistCall(input: SaveCallInput): Promise<ActionResult<{ id: string; savedAt: string }, Codes | Fails>> {
  return runGuardedAction(writesCall(), saveCallInputSchema, input, async (v, actor) => guarded(async () => saveCall(await assistDb(), v, auditName(actor))));
}

/** The supervisor view: coaches (their team's agents) and admins (every call). */
export async function listLiveAssistCalls(): Promise<ActionResult<LiveCallView[], Fails>> {
  return runGuardedAction(role('coach'), z.undefined(), undefined, async (_none, actor) => ok(await liveCalls(await assistDb(), scopeOf(actor))));
}

const knowledgeSchema = z.object({
  kind: z.enum(['policies', 'articles'], { error: 'No such kind of page: policies or articles.' }),
  id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'No such page.'),
});
/** A policy or knowledge article the assistant cited, read from its row: any signed-in account. */
export async function readAssistKnowledge(input: { kind: string; id: string }): Promise<ActionResult<KnowledgeDoc, 'not_found' | Fails>> {
  return runGuardedAction(signedIn(), knowledgeSchema, input, async ({ kind, id }) => {
    const doc = await knowledgeDoc(await assistDb(), kind, id);
    return doc ? ok(doc) : fail('not_found', 'That page is not in the knowledge base (it may have been removed).');
  });
}

const pastSchema = z.object({ query: z.string().max(200) });
export async function searchPastAssistCalls(input: { query: string }): Promise<ActionResult<PastCallView[], Fails>> {
  return runGuardedAction(signedIn(), pastSchema, input, async ({ query }, actor) => ok(await searchCalls(await assistDb(), scopeOf(actor), query)));
}

const csvSchema = z.object({ csv: z.string().min(1, 'The file is empty.').max(1_900_000, 'At most 1.9 MB per import: split the file.') });
/** Replaces demo systems of record: admins only. */
export async function importAssistCustomers(input: { csv: string }): Promise<ActionResult<Extract<ImportReport, { ok: true }>, 'bad_file' | Fails>> {
  return runGuardedAction(role('admin'), csvSchema, input, async ({ csv }) => {
    const r = await importCustomersCsv(await assistDb(), csv);
    return r.ok ? ok(r) : fail('bad_file', r.message);
  });
}
