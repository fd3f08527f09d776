'use server';

import { z } from 'zod';
import { fail, ok, runAction, type ActionResult } from '@/lib/contracts/action-result';
import { addTurnInputSchema, confirmActionInputSchema, saveCallInputSchema, startCallInputSchema, type AddTurnInput, type ConfirmActionInput, type CustomerContext, type CustomerMatch, type SaveCallInput } from '@/lib/assist/call/call-types';
import type { ActionDone, CallEnded, CallStarted, LiveCallView, PastCallView, TurnResult } from '@/lib/assist/call/call-views';
import { detectEntities } from '@/lib/assist/entities/detect';
import { assistDb } from '@/lib/server/services/assist/assist-db';
import { AssistCallError, addTurn, callAlerts, liveCalls, searchCalls, selectCustomer, startCall } from '@/lib/server/services/assist/call-service';
import { confirmAction } from '@/lib/server/services/assist/action-service';
import { endCall, saveCall } from '@/lib/server/services/assist/after-call';
import { resolveCustomer } from '@/lib/server/services/assist/resolve-customer';
import { customersByName } from '@/lib/server/db/assist-lookup-queries';
import { importCustomersCsv, type ImportReport } from '@/lib/server/db/assist-import';

/**
 * Agent assist. Every action parses its input with zod (runAction) and returns ActionResult.
 * Error codes: invalid_input, not_found (no such call), not_live (the call has ended), internal.
 * Calls belong to the agent who took them once accounts land (agent_user_id); until then the
 * actor recorded on actions is "agent".
 */

const ACTOR = 'agent';
type Codes = 'not_found' | 'not_live';

async function guarded<T>(work: () => Promise<T>): Promise<ActionResult<T, Codes>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof AssistCallError) return fail(error.code, error.message);
    throw error;
  }
}

export async function startAssistCall(input: { callType: string }): Promise<ActionResult<CallStarted, 'invalid_input' | 'internal'>> {
  return runAction(startCallInputSchema, input, async ({ callType }) => ok(await startCall(await assistDb(), callType, null)));
}

export async function addAssistTurn(input: AddTurnInput): Promise<ActionResult<TurnResult, Codes | 'invalid_input' | 'internal'>> {
  return runAction(addTurnInputSchema, input, async (t) => guarded(async () => addTurn(await assistDb(), t)));
}

const searchSchema = z.object({ query: z.string().trim().min(1, 'Type a name, email, phone or order number.').max(200) });

/** The agent's manual search: order number, email or phone exactly, else names ranked. */
export async function searchAssistCustomers(input: { query: string }): Promise<ActionResult<CustomerMatch[], 'invalid_input' | 'internal'>> {
  return runAction(searchSchema, input, async ({ query }) => {
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
export async function selectAssistCustomer(input: { callId: string; customerId: number }): Promise<ActionResult<CustomerContext, Codes | 'invalid_input' | 'internal'>> {
  return runAction(selectSchema, input, async ({ callId, customerId }) => {
    const r = await guarded(async () => selectCustomer(await assistDb(), callId, customerId));
    if (!r.ok) return r;
    return r.data ? ok(r.data) : fail('not_found', 'That customer is no longer on record.');
  });
}

export async function confirmAssistAction(input: ConfirmActionInput): Promise<ActionResult<ActionDone, Codes | 'invalid_input' | 'internal'>> {
  return runAction(confirmActionInputSchema, input, async (a) => guarded(async () => confirmAction(await assistDb(), a, ACTOR)));
}

const callIdSchema = z.object({ callId: z.uuid() });
export async function assistCallAlerts(input: { callId: string }) {
  return runAction(callIdSchema, input, async ({ callId }) => guarded(async () => callAlerts(await assistDb(), callId)));
}

export async function endAssistCall(input: { callId: string }): Promise<ActionResult<CallEnded, Codes | 'invalid_input' | 'internal'>> {
  return runAction(callIdSchema, input, async ({ callId }) => guarded(async () => endCall(await assistDb(), callId)));
}

export async function saveAssistCall(input: SaveCallInput): Promise<ActionResult<{ id: string; savedAt: string }, Codes | 'invalid_input' | 'internal'>> {
  return runAction(saveCallInputSchema, input, async (v) => guarded(async () => saveCall(await assistDb(), v, ACTOR)));
}

export async function listLiveAssistCalls(): Promise<ActionResult<LiveCallView[], 'invalid_input' | 'internal'>> {
  return runAction(z.undefined(), undefined, async () => ok(await liveCalls(await assistDb())));
}

const pastSchema = z.object({ query: z.string().max(200) });
export async function searchPastAssistCalls(input: { query: string }): Promise<ActionResult<PastCallView[], 'invalid_input' | 'internal'>> {
  return runAction(pastSchema, input, async ({ query }) => ok(await searchCalls(await assistDb(), query)));
}

const csvSchema = z.object({ csv: z.string().min(1, 'The file is empty.').max(1_900_000, 'At most 1.9 MB per import: split the file.') });
export async function importAssistCustomers(input: { csv: string }): Promise<ActionResult<Extract<ImportReport, { ok: true }>, 'bad_file' | 'invalid_input' | 'internal'>> {
  return runAction(csvSchema, input, async ({ csv }) => {
    const r = await importCustomersCsv(await assistDb(), csv);
    return r.ok ? ok(r) : fail('bad_file', r.message);
  });
}
