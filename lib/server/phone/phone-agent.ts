import { RealtimeAgent, tool } from '@openai/agents/realtime';
import { z } from 'zod';
import type { PhoneAgentConfig } from '@/lib/contracts/phone-agent';
import type { PhoneToolCall } from '@/lib/contracts/phone-call';
import { BUILTIN_TOOLS, isLookupTool } from '@/lib/contracts/studio-agent';
import { lookupToolParameters, runLookupTool } from '@/lib/server/services/lookup-tools';
import type { Database } from '@/lib/server/db/client';
import { callWebhookTool, type CallRef, type FetchLike, type ToolOutcome } from './webhook-tool';

/**
 * A phone agent config made into the server-side RealtimeAgent a call runs: its instructions, and
 * its tools: the built-ins it enables (end_call, transfer_to_human, and the read-only lookups on the
 * app's database: the same executors as the assist agent, lib/server/services/lookup-tools) and its webhook tools. Every
 * tool run is recorded (arguments, result, time) in the call log; results the model reads are
 * JSON, and failures are `{ error }` results (never a thrown error), so the agent apologises.
 */
export type ToolHost = {
  call: CallRef;
  fetchImpl: FetchLike;
  record(call: PhoneToolCall): void;
  /** Hang up once the agent's next reply has played. */
  endAfterReply(reason: string): void;
  /** Update the live call to dial a person. */
  transfer(number: string, reason: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /** The database the lookup tools read (the app's, with the demo systems of record); null: none on this line. */
  lookupDb: (() => Promise<Database>) | null;
};

async function recorded(host: ToolHost, name: string, args: unknown, run: () => Promise<ToolOutcome>): Promise<string> {
  const started = performance.now();
  const at = new Date().toISOString();
  let outcome: ToolOutcome;
  try {
    outcome = await run();
  } catch (error) {
    outcome = { ok: false, result: { error: error instanceof Error ? error.message : String(error) } };
  }
  host.record({ at, name, args, result: outcome.result, ok: outcome.ok, ms: Math.round(performance.now() - started) });
  return JSON.stringify(outcome.result);
}

function builtinTools(cfg: PhoneAgentConfig, host: ToolHost) {
  const tools = [];
  if (cfg.builtinTools.includes('end_call')) {
    tools.push(
      tool({
        name: 'end_call',
        description: 'Hang up the call once you have said goodbye. Call it when the caller has nothing else.',
        parameters: z.object({ reason: z.string().describe('Why the call ends, in a few words') }),
        execute: (args) =>
          recorded(host, 'end_call', args, async () => {
            host.endAfterReply(args.reason);
            return { ok: true, result: { ending: true, say: 'a short goodbye' } };
          }),
      }),
    );
  }
  if (cfg.builtinTools.includes('transfer_to_human')) {
    tools.push(
      tool({
        name: 'transfer_to_human',
        description: 'Put the caller through to a person on the team. Call it when they ask for a human or you cannot help.',
        parameters: z.object({ reason: z.string().describe('Why the caller needs a person, in one line') }),
        execute: (args) =>
          recorded(host, 'transfer_to_human', args, async () => {
            if (!cfg.transferNumber) return { ok: false, result: { error: 'no number to transfer to is configured for this line' } };
            const done = await host.transfer(cfg.transferNumber, args.reason);
            return done.ok ? { ok: true, result: { transferred: true } } : { ok: false, result: { error: done.error } };
          }),
      }),
    );
  }
  for (const name of cfg.builtinTools) {
    if (!isLookupTool(name)) continue;
    const description = BUILTIN_TOOLS.find((t) => t.name === name)?.description ?? name;
    tools.push(
      tool({
        name,
        description,
        parameters: lookupToolParameters[name] as never,
        execute: (args: unknown) =>
          recorded(host, name, args, async () =>
            host.lookupDb ? runLookupTool(host.lookupDb, name, args) : { ok: false, result: { error: 'lookups are not available on this line' } },
          ),
      }),
    );
  }
  return tools;
}

function webhookTools(cfg: PhoneAgentConfig, host: ToolHost) {
  return cfg.webhookTools.map((def) =>
    tool({
      name: def.name,
      description: def.description,
      parameters: { ...def.parameters, type: 'object', properties: def.parameters.properties, required: def.parameters.required ?? [], additionalProperties: true } as never,
      strict: false,
      execute: (args: unknown) => recorded(host, def.name, args, () => callWebhookTool(def, args, host.call, host.fetchImpl)),
    }),
  );
}

export function buildPhoneAgent(cfg: PhoneAgentConfig, host: ToolHost): RealtimeAgent {
  return new RealtimeAgent({
    name: cfg.name,
    instructions: cfg.instructions,
    voice: cfg.voice,
    tools: [...builtinTools(cfg, host), ...webhookTools(cfg, host)],
  });
}

/** What the agent is asked to say first (the local engine speaks the quoted line as is). */
export function greetingInstructions(cfg: PhoneAgentConfig): string {
  return `Greet the caller now, before they speak. Say exactly: "${cfg.greeting.replace(/"/g, "'")}"`;
}
