/**
 * `npm run check:bundle` (after `next build`; the e2e web server runs it before starting):
 * prints every page's first-load JavaScript and FAILS (exit 1) when
 *  - a budgeted page sends more than its budget (gzip as `next start` sends it, see
 *    scripts/bundle/first-load.ts), or
 *  - any client chunk, first-load or on-demand, contains code a browser page never runs
 *    (the text-agent runtime, zod 3: scripts/bundle/forbidden-code.ts).
 * Byte sizes of a build are deterministic, so this is a test like any other.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientChunkFiles, measureRoute, readBuildLayout, type RouteLoad } from './bundle/first-load';
import { findForbidden } from './bundle/forbidden-code';

/** First-load JavaScript budgets, bytes on the wire (1 kB = 1000 bytes). */
export const BUDGETS: Readonly<Record<string, number>> = {
  '/live': 180_000,
  '/practice/call/[sessionId]': 180_000,
  '/embed/[siteId]': 150_000,
};

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function overBudget(loads: readonly RouteLoad[], budgets: Readonly<Record<string, number>> = BUDGETS): string[] {
  const problems: string[] = [];
  for (const [route, budget] of Object.entries(budgets)) {
    const load = loads.find((l) => l.route === route);
    if (!load) problems.push(`${route} has a budget but is not a page of this build`);
    else if (load.wire > budget) problems.push(`${route} sends ${kB(load.wire)} of JavaScript on first load, over its ${kB(budget)} budget by ${kB(load.wire - budget)}`);
  }
  return problems;
}

function main(): number {
  const distDir = process.argv[2] ?? '.next';
  const layout = readBuildLayout(distDir);
  const loads = [...layout.routes.keys()].sort().map((route) => measureRoute(layout, route));
  console.log('First-load JavaScript per page (gzip level 6 as `next start` sends it; raw = decoded):');
  for (const load of loads) {
    const budget = BUDGETS[load.route];
    const verdict = budget === undefined ? '' : load.wire > budget ? `  OVER budget ${kB(budget)}` : `  budget ${kB(budget)} ok`;
    console.log(`  ${load.route.padEnd(30)} ${kB(load.wire).padStart(9)} wire  ${kB(load.raw).padStart(9)} raw  ${String(load.files.length).padStart(2)} files${verdict}`);
  }
  const problems = overBudget(loads);
  const hits = findForbidden(clientChunkFiles(distDir));
  for (const hit of hits) problems.push(`${hit.file} contains ${hit.what}`);
  if (problems.length > 0) {
    console.error(`\nBundle check FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log('Bundle check passed: every budget holds, no client chunk carries the text-agent runtime or zod 3.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`Bundle check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
