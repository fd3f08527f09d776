import type { Readiness } from '@/lib/contracts/readiness';

/** What the status banner says for a readiness answer (or none: the server itself did not answer). */
export type ServiceProblem = { key: 'database' | 'engine' | 'server'; message: string };

export const SERVICE_MESSAGES = {
  database: 'The database is not answering. What you do now may not be saved yet; Cue keeps checking and this goes away when it is back.',
  engineRestarting: 'The local engine is restarting (it stopped unexpectedly). Calls connect again in a few seconds.',
  engineDown: 'The local realtime engine is not running. Start the app with `npm run dev` (it starts the engine), or `npm run engine`.',
  server: 'The Cue server is not answering. Check that it is running; this page keeps trying.',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCheck = (v: unknown): v is { ok: boolean } => isObject(v) && typeof v.ok === 'boolean';

/** /api/ready's answer when it has the expected shape, else null (reported as "the server is not answering"). */
export function readinessFrom(body: unknown): Readiness | null {
  if (!isObject(body) || typeof body.ok !== 'boolean' || !isCheck(body.database) || !isCheck(body.engine)) return null;
  const engine = body.engine as Record<string, unknown>;
  const engineOk = engine.backend === 'openai' ? engine.ok === true : engine.backend === 'local' && typeof engine.supervised === 'boolean';
  return engineOk ? (body as Readiness) : null;
}

export function serviceProblems(readiness: Readiness | null): ServiceProblem[] {
  if (!readiness) return [{ key: 'server', message: SERVICE_MESSAGES.server }];
  const problems: ServiceProblem[] = [];
  if (!readiness.database.ok) problems.push({ key: 'database', message: SERVICE_MESSAGES.database });
  const engine = readiness.engine;
  if (!engine.ok && engine.backend === 'local') problems.push({ key: 'engine', message: engine.supervised ? SERVICE_MESSAGES.engineRestarting : SERVICE_MESSAGES.engineDown });
  return problems;
}
