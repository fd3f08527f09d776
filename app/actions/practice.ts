'use server';

import { z } from 'zod';
import { fail, ok, runAction, type ActionResult } from '@/lib/contracts/action-result';
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
 * Error codes: invalid_input, not_found, conflict, read_only, internal.
 */

const noSession = (id: string) => fail('not_found' as const, `No practice session ${id}.`);

export async function startPracticeSession(input: StartPracticeSessionInput): Promise<ActionResult<StartedPracticeSession>> {
  return runAction(startPracticeSessionInputSchema, input, async ({ scenarioId, difficulty }) => {
    const entry = await findScenario(scenarioId);
    if (!entry) return fail('not_found', `No scenario "${scenarioId}".`, [{ path: 'scenarioId', message: 'unknown scenario' }]);
    const level = difficulty ?? entry.scenario.defaultDifficulty;
    const row = await queries.createPracticeSession({ scenario: entry.scenario, difficulty: level });
    const session = toSessionSummary({ ...row, hasDebrief: false, itemCount: 0, userItemCount: 0, lastActivityAt: null });
    return ok({ session, scenario: entry.scenario, difficulty: level, timeLimitSeconds: entry.scenario.timeLimitMinutes * 60 });
  });
}

/** Save one completed utterance as soon as it is transcribed. Safe to repeat (same item id updates in place). */
export async function appendTranscriptItem(input: AppendTranscriptItemInput): Promise<ActionResult<{ status: 'created' | 'updated' }>> {
  return runAction(appendTranscriptItemInputSchema, input, async (item) => {
    const status = await queries.appendTranscriptItem(item);
    return status === 'session_not_found' ? noSession(item.sessionId) : ok({ status });
  });
}

/** Store one tag_turn call. Safe to repeat (same call id is ignored). */
export async function recordTurnTag(input: RecordTurnTagInput): Promise<ActionResult<{ status: 'created' | 'duplicate' }>> {
  return runAction(recordTurnTagInputSchema, input, async (tag) => {
    const status = await queries.addTurnTag(tag);
    return status === 'session_not_found' ? noSession(tag.sessionId) : ok({ status });
  });
}

/** End the call, measure delivery, run the debrief (AI or offline rubric), save and return the whole session. */
export async function endPracticeSession(input: EndPracticeSessionInput): Promise<ActionResult<PracticeSessionDetail>> {
  return runAction(endPracticeSessionInputSchema, input, async ({ sessionId, reason }) => {
    const session = await finishPracticeSession({ sessionId, reason });
    return session ? ok(session) : noSession(sessionId);
  });
}

/** Sessions newest first, a page at a time (limit, offset); filter by scenario. */
export async function listHistory(input?: ListHistoryInput): Promise<ActionResult<PracticeSessionSummary[]>> {
  return runAction(listHistoryInputSchema, input, async (filter) => ok(await history.listSessionSummaries(filter)));
}

/** What /history shows: practised scenarios, progress panels with bounded charts, one page of sessions. */
export async function getHistoryView(input: HistoryViewInput): Promise<ActionResult<HistoryView>> {
  return runAction(historyViewInputSchema, input, async (view) => ok(await history.getHistoryView(view)));
}

export async function getSession(input: GetSessionInput): Promise<ActionResult<PracticeSessionDetail>> {
  return runAction(getSessionInputSchema, input, async ({ sessionId }) => {
    const session = await history.getPracticeSessionDetail({ id: sessionId });
    return session ? ok(session) : noSession(sessionId);
  });
}

export async function getProgress(input: GetProgressInput): Promise<ActionResult<ScenarioProgress>> {
  return runAction(getProgressInputSchema, input, async ({ scenarioId }) => ok(await history.getScenarioProgress({ scenarioId })));
}

/** One progress line per practised scenario. */
export async function listProgress(): Promise<ActionResult<ScenarioProgressSummary[]>> {
  return runAction(z.undefined(), undefined, async () => ok(await history.listScenarioProgressSummaries()));
}

export async function exportSessionMarkdown(input: GetSessionInput): Promise<ActionResult<{ fileName: string; markdown: string }>> {
  return runAction(getSessionInputSchema, input, async ({ sessionId }) => {
    const session = await history.getPracticeSessionDetail({ id: sessionId });
    if (!session) return noSession(sessionId);
    return ok({ fileName: sessionMarkdownFileName(session), markdown: sessionToMarkdown(session) });
  });
}

/** Built-in scenarios first, then custom ones. */
export async function listScenarios(): Promise<ActionResult<ScenarioEntry[]>> {
  return runAction(z.undefined(), undefined, async () => ok(await listAllScenarios()));
}

export async function getScenario(input: ScenarioRefInput): Promise<ActionResult<ScenarioEntry>> {
  return runAction(scenarioRefInputSchema, input, async ({ scenarioId }) => {
    const entry = await findScenario(scenarioId);
    return entry ? ok(entry) : fail('not_found', `No scenario "${scenarioId}".`);
  });
}

/** Create (mode 'create') or replace (mode 'update') a custom scenario. Field errors use scenario paths ("persona.role"). */
export async function saveCustomScenario(input: SaveCustomScenarioInput): Promise<ActionResult<ScenarioEntry>> {
  return runAction(saveCustomScenarioInputSchema, input, editor.saveScenario);
}

export async function deleteCustomScenario(input: ScenarioRefInput): Promise<ActionResult<{ scenarioId: string }>> {
  return runAction(scenarioRefInputSchema, input, editor.deleteScenario);
}

/** Copy any scenario (built-in or custom) into a new custom one. */
export async function duplicateScenario(input: DuplicateScenarioInput): Promise<ActionResult<ScenarioEntry>> {
  return runAction(duplicateScenarioInputSchema, input, editor.duplicate);
}

export async function importScenario(input: ImportScenarioInput): Promise<ActionResult<ScenarioEntry>> {
  return runAction(importScenarioInputSchema, input, editor.importScenario);
}

export async function exportScenario(input: ScenarioRefInput): Promise<ActionResult<{ fileName: string; json: string }>> {
  return runAction(scenarioRefInputSchema, input, editor.exportScenario);
}
