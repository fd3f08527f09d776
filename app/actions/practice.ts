'use server';

import { z } from 'zod';
import { fail, ok, runGuardedAction, type ActionResult } from '@/lib/contracts/action-result';
import { owns, signedIn } from '@/lib/server/auth/guard';
import { listVisiblePeople, visibleOwnerIds } from '@/lib/server/services/visibility';
import * as queries from '@/lib/server/db/queries';
import {
  appendTranscriptItemInputSchema,
  duplicateScenarioInputSchema,
  endPracticeSessionInputSchema,
  getProgressInputSchema,
  getSessionInputSchema,
  historyViewInputSchema,
  importScenarioInputSchema,
  listHistoryInputSchema,
  recordTurnTagInputSchema,
  saveCustomScenarioInputSchema,
  scenarioRefInputSchema,
  startPracticeSessionInputSchema,
  type AppendTranscriptItemInput,
  type DuplicateScenarioInput,
  type EndPracticeSessionInput,
  type GetProgressInput,
  type GetSessionInput,
  type HistoryViewInput,
  type ImportScenarioInput,
  type ListHistoryInput,
  type RecordTurnTagInput,
  type SaveCustomScenarioInput,
  type ScenarioRefInput,
  type StartPracticeSessionInput,
} from '@/lib/contracts/practice-actions';
import { finishPracticeSession } from '@/lib/server/services/finish-session';
import * as history from '@/lib/server/services/practice-history';
import { toSessionSummary } from '@/lib/practice/history/session-record';
import { sessionMarkdownFileName, sessionToMarkdown } from '@/lib/practice/history/markdown-export';
import { findScenario, listAllScenarios } from '@/lib/server/services/scenario-catalog';
import * as editor from '@/lib/server/services/scenario-editor';
import type {
  HistoryView,
  PracticeSessionDetail,
  PracticeSessionSummary,
  ScenarioProgress,
  ScenarioProgressSummary,
  StartedPracticeSession,
} from '@/lib/contracts/practice-session';
import type { ScenarioEntry } from '@/lib/contracts/scenario';

/**
 * Practice role-play server actions. Each parses its input with zod first and
 * returns ActionResult: { ok: true, data } | { ok: false, error: { code, message, fieldErrors? } }.
 * Error codes: invalid_input, not_found, conflict, read_only, unauthenticated, forbidden, internal.
 * Who may call each one is said once, by its guard (lib/server/auth/guard.ts): signed in, and
 * for a session or scenario named in the input, whether it is theirs to read or change.
 */

const noSession = (id: string) => fail('not_found' as const, `No practice session ${id}.`);
const session = <D extends { sessionId: string }>(access: 'read' | 'write') => owns<D>('practice_session', (d) => d.sessionId, access);
const scenario = <D extends { scenarioId: string }>(access: 'read' | 'write') => owns<D>('custom_scenario', (d) => d.scenarioId, access);
const mine = (actor: { id: string }) => ({ userId: actor.id });

export async function startPracticeSession(input: StartPracticeSessionInput): Promise<ActionResult<StartedPracticeSession>> {
  return runGuardedAction(signedIn(), startPracticeSessionInputSchema, input, async ({ scenarioId, difficulty }, actor) => {
    const entry = await findScenario(scenarioId, mine(actor));
    if (!entry) return fail('not_found', `No scenario "${scenarioId}".`, [{ path: 'scenarioId', message: 'unknown scenario' }]);
    const level = difficulty ?? entry.scenario.defaultDifficulty;
    const row = await queries.createPracticeSession({ scenario: entry.scenario, difficulty: level, userId: actor.id });
    const summary = toSessionSummary({ ...row, hasDebrief: false, itemCount: 0, userItemCount: 0, lastActivityAt: null });
    return ok({ session: summary, scenario: entry.scenario, difficulty: level, timeLimitSeconds: entry.scenario.timeLimitMinutes * 60 });
  });
}

/** Save one completed utterance as soon as it is transcribed. Safe to repeat (same item id updates in place). */
export async function appendTranscriptItem(input: AppendTranscriptItemInput): Promise<ActionResult<{ status: 'created' | 'updated' }>> {
  return runGuardedAction(session('write'), appendTranscriptItemInputSchema, input, async (item) => {
    const status = await queries.appendTranscriptItem(item);
    return status === 'session_not_found' ? noSession(item.sessionId) : ok({ status });
  });
}

/** Store one tag_turn call. Safe to repeat (same call id is ignored). */
export async function recordTurnTag(input: RecordTurnTagInput): Promise<ActionResult<{ status: 'created' | 'duplicate' }>> {
  return runGuardedAction(session('write'), recordTurnTagInputSchema, input, async (tag) => {
    const status = await queries.addTurnTag(tag);
    return status === 'session_not_found' ? noSession(tag.sessionId) : ok({ status });
  });
}

/** End the call, measure delivery, run the debrief (AI or offline rubric), save and return the whole session. */
export async function endPracticeSession(input: EndPracticeSessionInput): Promise<ActionResult<PracticeSessionDetail>> {
  return runGuardedAction(session('write'), endPracticeSessionInputSchema, input, async ({ sessionId, reason }) => {
    const finished = await finishPracticeSession({ sessionId, reason });
    return finished ? ok(finished) : noSession(sessionId);
  });
}

/** Delete one of one's own sessions, with its transcript and review. */
export async function deletePracticeSession(input: GetSessionInput): Promise<ActionResult<{ sessionId: string }>> {
  return runGuardedAction(session('write'), getSessionInputSchema, input, async ({ sessionId }) =>
    (await queries.deletePracticeSessionById({ id: sessionId })) ? ok({ sessionId }) : noSession(sessionId),
  );
}

/** Sessions newest first, a page at a time (limit, offset); filter by scenario. A coach also gets their team's. */
export async function listHistory(input?: ListHistoryInput): Promise<ActionResult<PracticeSessionSummary[]>> {
  return runGuardedAction(signedIn(), listHistoryInputSchema, input, async (filter, actor) =>
    ok(await history.listSessionSummaries(filter, { ownerIds: await visibleOwnerIds(actor) })),
  );
}

/** What /history shows: practised scenarios, progress panels with bounded charts, one page of sessions; for a coach, whose. */
export async function getHistoryView(input: HistoryViewInput): Promise<ActionResult<HistoryView & { people: { id: string; name: string }[] }>> {
  return runGuardedAction(signedIn(), historyViewInputSchema, input, async ({ person, ...view }, actor) => {
    const [data, people] = await Promise.all([history.getHistoryView(view, { ownerIds: await visibleOwnerIds(actor, person) }), listVisiblePeople(actor)]);
    return ok({ ...data, people });
  });
}

export async function getSession(input: GetSessionInput): Promise<ActionResult<PracticeSessionDetail>> {
  return runGuardedAction(session('read'), getSessionInputSchema, input, async ({ sessionId }) => {
    const detail = await history.getPracticeSessionDetail({ id: sessionId });
    return detail ? ok(detail) : noSession(sessionId);
  });
}

export async function getProgress(input: GetProgressInput): Promise<ActionResult<ScenarioProgress>> {
  return runGuardedAction(signedIn(), getProgressInputSchema, input, async ({ scenarioId }, actor) =>
    ok(await history.getScenarioProgress({ scenarioId }, { ownerIds: [actor.id] })),
  );
}

/** One progress line per scenario one has practised. */
export async function listProgress(): Promise<ActionResult<ScenarioProgressSummary[]>> {
  return runGuardedAction(signedIn(), z.undefined(), undefined, async (_none, actor) => ok(await history.listScenarioProgressSummaries({ ownerIds: [actor.id] })));
}

export async function exportSessionMarkdown(input: GetSessionInput): Promise<ActionResult<{ fileName: string; markdown: string }>> {
  return runGuardedAction(session('read'), getSessionInputSchema, input, async ({ sessionId }) => {
    const detail = await history.getPracticeSessionDetail({ id: sessionId });
    if (!detail) return noSession(sessionId);
    return ok({ fileName: sessionMarkdownFileName(detail), markdown: sessionToMarkdown(detail) });
  });
}

/** Built-in scenarios first, then one's own custom ones. */
export async function listScenarios(): Promise<ActionResult<ScenarioEntry[]>> {
  return runGuardedAction(signedIn(), z.undefined(), undefined, async (_none, actor) => ok(await listAllScenarios(mine(actor))));
}

export async function getScenario(input: ScenarioRefInput): Promise<ActionResult<ScenarioEntry>> {
  return runGuardedAction(scenario('read'), scenarioRefInputSchema, input, async ({ scenarioId }, actor) => {
    const entry = await findScenario(scenarioId, mine(actor));
    return entry ? ok(entry) : fail('not_found', `No scenario "${scenarioId}".`);
  });
}

/** The id a scenario payload names, for the ownership check before it is validated. */
const payloadId = (d: { scenario: unknown }) => {
  const id = (d.scenario as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/** Create (mode 'create') or replace (mode 'update') a custom scenario. Field errors use scenario paths ("persona.role"). */
export async function saveCustomScenario(input: SaveCustomScenarioInput): Promise<ActionResult<ScenarioEntry>> {
  return runGuardedAction(owns('custom_scenario', payloadId, 'write'), saveCustomScenarioInputSchema, input, (data, actor) => editor.saveScenario(data, mine(actor)));
}

export async function deleteCustomScenario(input: ScenarioRefInput): Promise<ActionResult<{ scenarioId: string }>> {
  return runGuardedAction(scenario('write'), scenarioRefInputSchema, input, (data, actor) => editor.deleteScenario(data, mine(actor)));
}

/** Copy any scenario one can see (built-in or one's own) into a new custom one. */
export async function duplicateScenario(input: DuplicateScenarioInput): Promise<ActionResult<ScenarioEntry>> {
  return runGuardedAction(scenario('read'), duplicateScenarioInputSchema, input, (data, actor) => editor.duplicate(data, mine(actor)));
}

export async function importScenario(input: ImportScenarioInput): Promise<ActionResult<ScenarioEntry>> {
  return runGuardedAction(signedIn(), importScenarioInputSchema, input, (data, actor) => editor.importScenario(data, mine(actor)));
}

export async function exportScenario(input: ScenarioRefInput): Promise<ActionResult<{ fileName: string; json: string }>> {
  return runGuardedAction(scenario('read'), scenarioRefInputSchema, input, (data, actor) => editor.exportScenario(data, mine(actor)));
}
