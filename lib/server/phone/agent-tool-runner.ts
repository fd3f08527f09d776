import { randomUUID } from 'node:crypto';
import { isLookupTool, type StudioAgentConfig } from '@/lib/contracts/studio-agent';
import type { Database } from '@/lib/server/db/client';
import { runLookupTool } from '@/lib/server/services/lookup-tools';
import { callWebhookTool, type FetchLike, type ToolOutcome } from './webhook-tool';

/**
 * One tool of a stored studio agent run from the server outside a call: the studio's "Try it" chat
 * (app/actions/studio-try.ts). The same executors as a call: the read-only lookups on the app's
 * database (lib/server/services/lookup-tools) and webhook tools through callWebhookTool (the tool's
 * own schema, secret header and timeout). Call control (end_call, transfer_to_human) is not run here.
 * A tool the agent does not have is refused (`unknown_tool`), so the browser cannot run arbitrary ones.
 */
export type TryToolResult = { ok: true; outcome: ToolOutcome } | { ok: false; code: 'unknown_tool' | 'call_only'; message: string };

export async function runStudioAgentTool(opts: {
  agent: StudioAgentConfig;
  name: string;
  args: unknown;
  lookupDb: () => Promise<Database>;
  fetchImpl?: FetchLike;
}): Promise<TryToolResult> {
  const { agent, name, args } = opts;
  if (isLookupTool(name) && agent.tools.builtins.includes(name)) return { ok: true, outcome: await runLookupTool(opts.lookupDb, name, args) };
  if (name === 'end_call' || name === 'transfer_to_human') return { ok: false, code: 'call_only', message: `${name} only runs on a phone call.` };
  const webhook = agent.tools.webhooks.find((w) => w.name === name);
  if (!webhook) return { ok: false, code: 'unknown_tool', message: `This agent has no tool called ${name}.` };
  const def = {
    name: webhook.name,
    description: webhook.description,
    parameters: webhook.parameters,
    url: webhook.url,
    timeoutMs: webhook.timeoutMs,
    ...(webhook.secretHeader ? { secretHeader: webhook.secretHeader } : {}),
  };
  const call = { callId: `try-${randomUUID()}`, agentId: agent.id, from: null, to: null };
  return { ok: true, outcome: await callWebhookTool(def, args, call, opts.fetchImpl) };
}
