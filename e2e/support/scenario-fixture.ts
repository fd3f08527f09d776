import { municipalCooSic } from '@/agents/scenarios/municipal-coo-sic';

/** A valid scenario file (the seed's COO under a fresh id), for imports and isolated progress runs. */
export function scenarioFile(id: string, title: string): string {
  return JSON.stringify({ format: 'cue-scenario', version: 1, scenario: { ...municipalCooSic, id, title } }, null, 2);
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
