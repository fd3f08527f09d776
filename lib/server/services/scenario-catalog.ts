import 'server-only';
import { getCustomScenarioById, listCustomScenarios } from '@/lib/server/db/queries';
import { BUILTIN_SCENARIOS, getBuiltinScenario } from '@/agents/scenarios';
import type { ScenarioEntry } from '@/lib/contracts/scenario';

/** Built-in and custom scenarios seen as one catalogue. Built-ins are read-only. */

export async function listAllScenarios(): Promise<ScenarioEntry[]> {
  const custom = await listCustomScenarios();
  return [
    ...BUILTIN_SCENARIOS.map((scenario) => ({ source: 'builtin' as const, scenario })),
    ...custom.map((r) => ({ source: 'custom' as const, scenario: r.scenario })),
  ];
}

export async function findScenario(id: string): Promise<ScenarioEntry | null> {
  const builtin = getBuiltinScenario(id);
  if (builtin) return { source: 'builtin', scenario: builtin };
  const custom = await getCustomScenarioById({ id });
  return custom ? { source: 'custom', scenario: custom.scenario } : null;
}

const MAX_ID = 64;

/** "<base>-copy", then "<base>-copy-2", ... : the first id no scenario uses. */
export async function freeScenarioId(base: string): Promise<string> {
  const taken = new Set((await listAllScenarios()).map((e) => e.scenario.id));
  const stem = base.replace(/-copy(?:-\d+)?$/, '');
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const id = `${stem.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
  throw new Error(`no free scenario id for ${base}`);
}
