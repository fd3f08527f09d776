import { MAX_SCENARIO_FILE_CHARS, scenarioSchema, toFieldErrors, type FieldError, type Scenario } from '@/lib/contracts/scenario';

/**
 * Scenario files. Export wraps the scenario in a small envelope; import accepts
 * the envelope or a bare scenario and reports every problem by field path.
 */

const SCENARIO_FILE_FORMAT = 'cue-scenario';
const SCENARIO_FILE_VERSION = 1;

type ScenarioFile = { format: typeof SCENARIO_FILE_FORMAT; version: typeof SCENARIO_FILE_VERSION; scenario: Scenario };

export type ScenarioImportResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

export function exportScenarioJson(scenario: Scenario): string {
  const file: ScenarioFile = { format: SCENARIO_FILE_FORMAT, version: SCENARIO_FILE_VERSION, scenario };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function scenarioFileName(scenario: Pick<Scenario, 'id'>): string {
  return `${scenario.id}.cue-scenario.json`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse a scenario file's text. Nothing is returned unless every field is valid. */
export function importScenarioJson(text: string): ScenarioImportResult {
  if (text.length > MAX_SCENARIO_FILE_CHARS) {
    return { ok: false, errors: [{ path: '(file)', message: `file is larger than ${MAX_SCENARIO_FILE_CHARS} characters` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${detail}` }] };
  }
  if (!isRecord(data)) return { ok: false, errors: [{ path: '(file)', message: 'expected a JSON object' }] };

  let candidate: unknown = data;
  if ('format' in data) {
    if (data.format !== SCENARIO_FILE_FORMAT) {
      return { ok: false, errors: [{ path: 'format', message: `expected "${SCENARIO_FILE_FORMAT}"` }] };
    }
    if (data.version !== SCENARIO_FILE_VERSION) {
      return { ok: false, errors: [{ path: 'version', message: `unsupported version; this app reads version ${SCENARIO_FILE_VERSION}` }] };
    }
    candidate = data.scenario;
  }
  const parsed = scenarioSchema.safeParse(candidate);
  return parsed.success ? { ok: true, scenario: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}
