/**
 * Turbopack loader, browser bundles only (next.config.ts): @openai/agents-core's `Agent`
 * (the base class of the SDK's RealtimeAgent) imports the whole text-agent runner
 * (run.mjs, runState.mjs and through them the runner steps, the sandbox and session
 * persistence, ~600 kB) for one method, `Agent.asTool()`, which runs a nested text agent.
 * A browser page runs realtime sessions only and never calls it, so here the two imports
 * become stand-ins that throw with a clear message if anything ever does.
 *
 * If the SDK changes these lines the build fails here: re-check what `Agent` needs from
 * the runner before updating EXPECTED (and see scripts/check-bundle-budget.ts, which fails
 * when runner code shows up in a client chunk again).
 */
const EXPECTED = ['import { Runner } from "./run.mjs";', 'import { RunState } from "./runState.mjs";'];

const MESSAGE = 'Agent.asTool() runs a text agent; the text-agent runner is not bundled for the browser (scripts/bundle/browser-agent-without-runner.cjs)';

const STANDINS = [
  `class Runner { constructor() { throw new Error(${JSON.stringify(MESSAGE)}); } }`,
  `class RunState {`,
  `  static fromString() { throw new Error(${JSON.stringify(MESSAGE)}); }`,
  `  static fromStringWithContext() { throw new Error(${JSON.stringify(MESSAGE)}); }`,
  `}`,
].join('\n');

function stripRunner(source, file) {
  const missing = EXPECTED.filter((line) => !source.includes(line));
  if (missing.length > 0) {
    throw new Error(`browser-agent-without-runner: ${file} no longer contains ${missing.join(' / ')}; the SDK changed, update this loader`);
  }
  let out = source;
  for (const line of EXPECTED) out = out.replace(line, '');
  return `${STANDINS}\n${out}`;
}

module.exports = function browserAgentWithoutRunner(source) {
  return stripRunner(String(source), this.resourcePath);
};
module.exports.stripRunner = stripRunner;
module.exports.EXPECTED = EXPECTED;
