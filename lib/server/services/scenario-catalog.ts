import 'server-only';
import { getCustomScenarioById, listCustomScenarioIds, listCustomScenarios } from '@/lib/server/db/queries';
import { BUILTIN_SCENARIOS, getBuiltinScenario } from '@/agents/scenarios';
import type { ScenarioEntry } from '@/lib/contracts/scenario';

/** Built-in and one account's custom scenarios seen as one catalogue. Built-ins are read-only and everyone's. */

export async function listAllScenarios({ userId }: { userId: string }): Promise<ScenarioEntry[]> {
  const custom = await listCustomScenarios({ userId });
  return [
    ...BUILTIN_SCENARIOS.map((scenario) => ({ source: 'builtin' as const, scenario })),
    ...custom.map((r) => ({ source: 'custom' as const, scenario: r.scenario })),
  ];
}

/** A built-in scenario, or one of this account's custom ones. */
export async function findScenario(id: string, { userId }: { userId: string }): Promise<ScenarioEntry | null> {
  const builtin = getBuiltinScenario(id);
  if (builtin) return { source: 'builtin', scenario: builtin };
  const custom = await getCustomScenarioById({ id, userId });
  return custom ? { source: 'custom', scenario: custom.scenario } : null;
}

const MAX_ID = 64;

/** "<base>-copy", then "<base>-copy-2", ... : the first id no scenario uses (ids are unique across accounts). */
export async function freeScenarioId(base: string): Promise<string> {
  const taken = new Set([...BUILTIN_SCENARIOS.map((s) => s.id), ...(await listCustomScenarioIds())]);
  const stem = base.replace(/-copy(?:-\d+)?$/, '');
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const id = `${stem.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
  throw new Error(`no free scenario id for ${base}`);
}
