import { createHmac, randomBytes } from 'node:crypto';
import { STUDIO_BUILTINS } from '@/agents/studio-builtins';
import { fail, fieldErrorsFromZod, ok, type ActionResult } from '@/lib/contracts/action-result';
import { e164Schema, studioAgentConfigSchema, type StudioAgentConfig } from '@/lib/contracts/studio-agent';
import type { CreateAgentInput, RollbackInput, SaveAgentInput, StudioAgentSummary, StudioEditorView, VersionView } from '@/lib/contracts/studio-view';
import { diffConfigs } from '@/lib/shared/config-diff';
import type { Database } from '@/lib/server/db/client';
import * as q from '@/lib/server/db/studio-queries';
import { diffableConfig, redactConfig, restoreSecrets } from './secrets';

/**
 * The agent studio's operations, on a given database (the actions pass the app's). Every save and
 * rollback is a new version naming its author; a save based on a version that is no longer current is
 * refused (`stale_version`) and writes nothing, so the editor keeps what the admin typed.
 */
export type StudioActor = { id: string; name: string };
export type StudioErrorCode = 'not_found' | 'stale_version' | 'invalid_input' | 'number_taken' | 'agent_exists';

const NOT_FOUND = 'That agent does not exist (any more). Go back to the studio list.';

function staleMessage(base: number, current: number): string {
  return `Someone saved version ${current} of this agent after you opened version ${base}. Nothing was saved and your edits are still here: open the latest version in another tab, copy your changes across, then save again.`;
}

/** Tells two secrets apart in a diff without revealing anything: an HMAC under a key that never leaves this process. */
const FINGERPRINT_KEY = randomBytes(32);
const fingerprint = (value: string) => createHmac('sha256', FINGERPRINT_KEY).update(value).digest('hex').slice(0, 6);

async function seeded(db: Database): Promise<void> {
  await q.ensureStudioSeeded(db, STUDIO_BUILTINS);
}

export async function listStudioAgents(db: Database): Promise<StudioAgentSummary[]> {
  await seeded(db);
  const rows = await q.listAgents(db);
  return rows.map((r) => ({ id: r.id, name: r.name, purpose: r.purpose, version: r.version, updatedAt: r.updatedAt.toISOString(), numbers: r.numbers, builtin: r.builtin !== null }));
}

function versionViews(versions: readonly q.StoredVersion[]): VersionView[] {
  // Newest first; each against the one before it.
  return versions.map((v, i) => {
    const previous = versions[i + 1];
    return {
      version: v.version,
      authorName: v.authorName,
      createdAt: v.createdAt.toISOString(),
      rollbackOf: v.rollbackOf,
      changes: previous ? diffConfigs(diffableConfig(previous.config, fingerprint), diffableConfig(v.config, fingerprint)) : [],
    };
  });
}

export async function getEditorView(db: Database, agentId: string): Promise<ActionResult<StudioEditorView, StudioErrorCode>> {
  await seeded(db);
  const agent = await q.getAgent(db, agentId);
  if (!agent) return fail('not_found', NOT_FOUND);
  const [versions, numbers, agents] = await Promise.all([q.listVersions(db, agentId), q.listPhoneNumbers(db), q.listAgents(db)]);
  const names = new Map(agents.map((a) => [a.id, a.name]));
  return ok({
    agent: redactConfig(agent.config),
    version: agent.version,
    versions: versionViews(versions),
    numbers: numbers.map((n) => ({ number: n.number, agentId: n.agentId, agentName: names.get(n.agentId) ?? n.agentId })),
    builtin: agent.builtin !== null,
  });
}

/** Validate a config from the editor against the stored one: stored secrets back in, the id fixed. */
function parseEditedConfig(raw: Record<string, unknown>, previous: StudioAgentConfig): ActionResult<StudioAgentConfig, 'invalid_input'> {
  const parsed = studioAgentConfigSchema.safeParse({ ...restoreSecrets(raw, previous), id: previous.id });
  if (parsed.success) return ok(parsed.data);
  return fail('invalid_input', 'Some fields are not valid: they are marked below. Nothing was saved.', fieldErrorsFromZod(parsed.error));
}

export async function saveAgent(db: Database, actor: StudioActor, input: SaveAgentInput): Promise<ActionResult<{ version: number }, StudioErrorCode>> {
  const current = await q.getAgent(db, input.agentId);
  if (!current) return fail('not_found', NOT_FOUND);
  const config = parseEditedConfig(input.config, current.config);
  if (!config.ok) return config;
  if (current.version !== input.baseVersion) return fail('stale_version', staleMessage(input.baseVersion, current.version));
  const saved = await q.saveVersion(db, { agentId: input.agentId, baseVersion: input.baseVersion, config: config.data, author: actor });
  if (saved.ok) return ok({ version: saved.version });
  return saved.reason === 'stale' ? fail('stale_version', staleMessage(input.baseVersion, saved.currentVersion)) : fail('not_found', NOT_FOUND);
}

export async function createAgent(db: Database, actor: StudioActor, input: CreateAgentInput): Promise<ActionResult<{ id: string }, StudioErrorCode>> {
  await seeded(db);
  const from = await q.getAgent(db, input.fromAgentId);
  if (!from) return fail('not_found', 'The agent to start from does not exist (any more).', [{ path: 'fromAgentId', message: 'pick another agent' }]);
  const parsed = studioAgentConfigSchema.safeParse({ ...from.config, id: input.id, name: input.name });
  if (!parsed.success) return fail('invalid_input', 'Some fields are not valid: they are marked below.', fieldErrorsFromZod(parsed.error));
  const created = await q.createAgent(db, parsed.data, actor);
  if (!created.ok) return fail('agent_exists', `An agent called ${input.id} exists already.`, [{ path: 'id', message: `${input.id} is taken: pick another id` }]);
  return ok({ id: input.id });
}

/** Restore an older version's config as a new version (history is never rewritten). */
export async function rollbackAgent(db: Database, actor: StudioActor, input: RollbackInput): Promise<ActionResult<{ version: number }, StudioErrorCode>> {
  const target = await q.getVersion(db, input.agentId, input.toVersion);
  if (!target) return fail('not_found', `Version ${input.toVersion} of this agent does not exist.`);
  const saved = await q.saveVersion(db, { agentId: input.agentId, baseVersion: input.baseVersion, config: target.config, author: actor, rollbackOf: input.toVersion });
  if (saved.ok) return ok({ version: saved.version });
  return saved.reason === 'stale' ? fail('stale_version', staleMessage(input.baseVersion, saved.currentVersion)) : fail('not_found', NOT_FOUND);
}

export async function mapNumber(db: Database, actor: StudioActor, input: { agentId: string; number: string }): Promise<ActionResult<{ number: string }, StudioErrorCode>> {
  const number = e164Schema.safeParse(input.number);
  if (!number.success) return fail('invalid_input', 'That is not a phone number in E.164 form.', fieldErrorsFromZod(number.error, ['number']));
  const mapped = await q.mapPhoneNumber(db, { number: number.data, agentId: input.agentId, by: actor.id });
  if (mapped.ok) return ok({ number: number.data });
  if (mapped.reason === 'no_agent') return fail('not_found', NOT_FOUND);
  const message = mapped.agentId === input.agentId ? `${number.data} already rings this agent.` : `${number.data} already rings ${mapped.agentId}. Remove it there first.`;
  return fail('number_taken', message, [{ path: 'number', message }]);
}

export async function unmapNumber(db: Database, number: string): Promise<ActionResult<{ number: string }, StudioErrorCode>> {
  return (await q.unmapPhoneNumber(db, number)) ? ok({ number }) : fail('not_found', `${number} is not mapped to any agent.`);
}

/** The current config with its secrets, for the server's own use (the mint of "Try it", calls). */
export async function loadAgentConfig(db: Database, agentId: string): Promise<(StudioAgentConfig & { version: number }) | null> {
  await seeded(db);
  const agent = await q.getAgent(db, agentId);
  return agent ? { ...agent.config, version: agent.version } : null;
}
