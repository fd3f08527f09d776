import { scenarioSchema, type Scenario } from '@/lib/contracts/scenario';
import { cioOutageReview } from './cio-outage-review';
import { municipalCooSic } from './municipal-coo-sic';
import { procurementPricePushback } from './procurement-price-pushback';

/** Built-in scenarios, parsed once through the same schema as custom ones. The seed's COO comes first. */
export const BUILTIN_SCENARIOS: readonly Scenario[] = [municipalCooSic, procurementPricePushback, cioOutageReview].map((s) =>
  scenarioSchema.parse(s),
);

export const DEFAULT_SCENARIO_ID = 'municipal-coo-sic';

export function getBuiltinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}

export function isBuiltinScenarioId(id: string): boolean {
  return BUILTIN_SCENARIOS.some((s) => s.id === id);
}

/** The default scenario; the library always holds it. */
export function defaultScenario(): Scenario {
  const scenario = getBuiltinScenario(DEFAULT_SCENARIO_ID);
  if (!scenario) throw new Error(`built-in scenario ${DEFAULT_SCENARIO_ID} is missing`);
  return scenario;
}
