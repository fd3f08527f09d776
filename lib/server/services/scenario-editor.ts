import 'server-only';
import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import { createCustomScenario, deleteCustomScenarioById, getCustomScenarioById, updateCustomScenario } from '@/lib/server/db/queries';
import { exportScenarioJson, importScenarioJson, scenarioFileName } from '@/lib/practice/scenarios/import-export';
import { isBuiltinScenarioId } from '@/agents/scenarios';
import { parseScenario, type Scenario, type ScenarioEntry } from '@/lib/contracts/scenario';
import type { z } from 'zod';
import type {
  duplicateScenarioInputSchema,
  importScenarioInputSchema,
  saveCustomScenarioInputSchema,
  scenarioRefInputSchema,
} from '@/lib/contracts/practice-actions';
import { findScenario, freeScenarioId } from './scenario-catalog';

/**
 * The scenario editor's operations behind the server actions. Inputs are already
 * parsed and the caller's ownership checked (lib/server/auth/guard.ts); a scenario is
 * validated field by field before anything is written, and every write is limited to the
 * caller's own scenarios.
 */

type Owner = { userId: string };

type ScenarioEditorErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'read_only';
type Result<T> = Promise<ActionResult<T, ScenarioEditorErrorCode>>;

const READ_ONLY = 'Built-in scenarios cannot be changed. Duplicate it and edit the copy.';
const idTaken = (id: string) => fail('conflict' as const, `A scenario with the id "${id}" already exists.`, [{ path: 'id', message: 'this id is already used' }]);
const builtinId = () => fail('read_only' as const, READ_ONLY, [{ path: 'id', message: 'this id belongs to a built-in scenario' }]);

async function insertScenario(scenario: Scenario, { userId }: Owner): Result<ScenarioEntry> {
  if (isBuiltinScenarioId(scenario.id)) return builtinId();
  const created = await createCustomScenario({ scenario, userId });
  return created ? ok({ source: 'custom', scenario: created.scenario }) : idTaken(scenario.id);
}

export async function saveScenario(input: z.output<typeof saveCustomScenarioInputSchema>, owner: Owner): Result<ScenarioEntry> {
  const parsed = parseScenario(input.scenario);
  if (!parsed.ok) return fail('invalid_input', 'The scenario has invalid fields. Nothing was saved.', parsed.errors);
  const { scenario } = parsed;
  if (input.mode === 'create') return insertScenario(scenario, owner);
  if (isBuiltinScenarioId(scenario.id)) return builtinId();
  const updated = await updateCustomScenario({ scenario, userId: owner.userId });
  return updated ? ok({ source: 'custom', scenario: updated.scenario }) : fail('not_found', `No custom scenario "${scenario.id}" to update.`);
}

export async function deleteScenario({ scenarioId }: z.output<typeof scenarioRefInputSchema>, { userId }: Owner): Result<{ scenarioId: string }> {
  if (isBuiltinScenarioId(scenarioId)) return fail('read_only', READ_ONLY);
  return (await deleteCustomScenarioById({ id: scenarioId, userId }))
    ? ok({ scenarioId })
    : fail('not_found', `No custom scenario "${scenarioId}".`);
}

export async function duplicate(input: z.output<typeof duplicateScenarioInputSchema>, owner: Owner): Result<ScenarioEntry> {
  const source = await findScenario(input.scenarioId, owner);
  if (!source) return fail('not_found', `No scenario "${input.scenarioId}".`);
  const id = input.newId ?? (await freeScenarioId(source.scenario.id));
  const title = input.title ?? `${source.scenario.title.slice(0, 93)} (copy)`;
  return insertScenario({ ...structuredClone(source.scenario), id, title }, owner);
}

export async function importScenario(input: z.output<typeof importScenarioInputSchema>, owner: Owner): Result<ScenarioEntry> {
  const parsed = importScenarioJson(input.json);
  if (!parsed.ok) return fail('invalid_input', 'The file is not a valid scenario. Nothing was imported.', parsed.errors);
  const { scenario } = parsed;
  const taken = isBuiltinScenarioId(scenario.id) || (await getCustomScenarioById({ id: scenario.id })) !== null;
  if (!taken) return insertScenario(scenario, owner);
  if (input.onConflict === 'copy') return insertScenario({ ...scenario, id: await freeScenarioId(scenario.id) }, owner);
  if (input.onConflict === 'replace') {
    if (isBuiltinScenarioId(scenario.id)) return builtinId();
    // Only one's own scenario is replaced; someone else's id stays theirs (conflict).
    const updated = await updateCustomScenario({ scenario, userId: owner.userId });
    return updated ? ok({ source: 'custom', scenario: updated.scenario }) : insertScenario(scenario, owner);
  }
  return idTaken(scenario.id);
}

export async function exportScenario({ scenarioId }: z.output<typeof scenarioRefInputSchema>, owner: Owner): Result<{ fileName: string; json: string }> {
  const entry = await findScenario(scenarioId, owner);
  if (!entry) return fail('not_found', `No scenario "${scenarioId}".`);
  return ok({ fileName: scenarioFileName(entry.scenario), json: exportScenarioJson(entry.scenario) });
}
