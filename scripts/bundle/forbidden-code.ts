import { readFileSync } from 'node:fs';

/**
 * Code a browser page never runs, recognised in a client chunk by a string that minifying
 * keeps (an error message) and that only that code contains. forbidden-code.test.ts checks
 * every marker is still in its source, so this list cannot silently stop matching.
 */
export type ForbiddenCode = { what: string; source: string; marker: string };

export const FORBIDDEN_IN_CLIENT: readonly ForbiddenCode[] = [
  {
    what: 'the text-agent runner of @openai/agents-core (run.mjs)',
    source: 'node_modules/@openai/agents-core/dist/run.mjs',
    marker: 'Expected a final output step while finalizing the run',
  },
  {
    what: 'the run state of @openai/agents-core (runState.mjs)',
    source: 'node_modules/@openai/agents-core/dist/runState.mjs',
    marker: 'RunState function tool identity does not match its call',
  },
  {
    what: 'the sandbox runtime of @openai/agents-core',
    source: 'node_modules/@openai/agents-core/dist/sandbox/runtime/manager.mjs',
    marker: 'SandboxAgent execution requires `RunConfig.sandbox`.',
  },
  {
    what: 'session persistence of the @openai/agents-core runner',
    source: 'node_modules/@openai/agents-core/dist/runner/sessionPersistence.mjs',
    marker: 'Session history transaction cannot be represented in durable RunState JSON.',
  },
  {
    what: 'the OpenAI text models of @openai/agents (agents-openai)',
    source: 'node_modules/@openai/agents-openai/dist/openaiResponsesModel.mjs',
    marker: 'Responses websocket connection timed out before opening after ',
  },
  {
    what: 'zod 3 (zod/v3; the app is on zod 4)',
    source: 'node_modules/zod/v3/types.js',
    marker: 'Synchronous parse encountered promise.',
  },
];

export type ForbiddenHit = { what: string; file: string };

export function findForbidden(files: readonly string[], rules: readonly ForbiddenCode[] = FORBIDDEN_IN_CLIENT): ForbiddenHit[] {
  const hits: ForbiddenHit[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const rule of rules) if (text.includes(rule.marker)) hits.push({ what: rule.what, file });
  }
  return hits;
}
