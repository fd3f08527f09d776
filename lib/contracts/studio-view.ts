import { z } from 'zod';
import type { BuiltinToolName, StudioAgentConfig, WebhookTool } from './studio-agent';

/**
 * What the agent studio's pages and actions exchange. A webhook tool's secret never travels to the
 * browser: the view carries the header name and a hint (its last characters); a save that leaves the
 * secret value empty keeps the stored one (matched by tool name).
 */
export type DiffLine = { op: '+' | '-' | ' '; text: string };
/** One changed field between two versions (lib/shared/config-diff). */
export type ConfigChange = {
  /** e.g. "instructions", "voice", "tools.webhooks.order_status.url" */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** For multi-line values: the line diff (unchanged lines kept as context). */
  lines?: DiffLine[];
};

type WebhookToolView = Omit<WebhookTool, 'secretHeader'> & { secretHeader: { name: string; hint: string } | null };
export type StudioAgentView = Omit<StudioAgentConfig, 'tools'> & { tools: { builtins: BuiltinToolName[]; webhooks: WebhookToolView[] } };

export type VersionView = {
  version: number;
  authorName: string;
  /** ISO time. */
  createdAt: string;
  rollbackOf: number | null;
  /** Against the version before it (version 1: empty). */
  changes: ConfigChange[];
};

export type StudioAgentSummary = { id: string; name: string; purpose: string; version: number; updatedAt: string; numbers: string[]; builtin: boolean };

export type StudioEditorView = {
  agent: StudioAgentView;
  version: number;
  versions: VersionView[];
  numbers: { number: string; agentId: string; agentName: string }[];
  builtin: boolean;
};

const agentId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);
const version = z.number().int().min(1).max(1_000_000);

export const agentRefInputSchema = z.object({ agentId });
/** `config` is checked by studioAgentConfigSchema after stored secrets are put back. */
export const saveAgentInputSchema = z.object({ agentId, baseVersion: version, config: z.record(z.string(), z.unknown()) });
export const rollbackInputSchema = z.object({ agentId, toVersion: version, baseVersion: version });
export const mapNumberInputSchema = z.object({ agentId, number: z.string().max(40) });
export const unmapNumberInputSchema = z.object({ number: z.string().max(40) });

/** A new agent: a copy of an existing one's current config under a new id and name. */
export const createAgentInputSchema = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9-]{1,40}$/, 'an id is 2 to 41 characters: a-z, 0-9 and -, starting with a letter'),
  name: z.string().trim().min(1, 'enter a name').max(60),
  fromAgentId: agentId,
});
export type CreateAgentInput = z.infer<typeof createAgentInputSchema>;
export type SaveAgentInput = z.infer<typeof saveAgentInputSchema>;
export type RollbackInput = z.infer<typeof rollbackInputSchema>;
