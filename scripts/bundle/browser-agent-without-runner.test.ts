import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config';

const require = createRequire(import.meta.url);
const { stripRunner, EXPECTED } = require('./browser-agent-without-runner.cjs') as {
  stripRunner: (source: string, file: string) => string;
  EXPECTED: string[];
};

const AGENT = path.resolve('node_modules/@openai/agents-core/dist/agent.mjs');
const source = readFileSync(AGENT, 'utf8');

/** The body of `Agent.asTool(...)`: from its declaration to the matching closing brace. */
function asToolSpan(text: string): [number, number] {
  const start = text.search(/\n\s{4}asTool\(/);
  expect(start).toBeGreaterThan(0);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return [start, i];
  }
  throw new Error('asTool has no end');
}

describe('the browser build of @openai/agents-core Agent, without the text-agent runner', () => {
  it('drops exactly the two runner imports and puts throwing stand-ins in their place', () => {
    const out = stripRunner(source, AGENT);
    expect(out).not.toMatch(/from "\.\/run\.mjs"|from "\.\/runState\.mjs"/);
    expect(out).toContain('class Runner { constructor() { throw new Error(');
    expect(out).toContain('static fromString() { throw new Error(');
    expect(out.length).toBeGreaterThan(source.length - 200);
  });

  it('is safe: the agent uses Runner and RunState only inside asTool(), which realtime sessions never call', () => {
    const [from, to] = asToolSpan(source);
    const uses = [...source.matchAll(/\b(Runner|RunState)\b/g)].map((m) => m.index!);
    const importLines = EXPECTED.map((line) => source.indexOf(line));
    const outside = uses.filter((at) => !(at >= from && at <= to) && !importLines.some((l) => at >= l && at < l + 60));
    expect(outside).toEqual([]);
    expect(uses.length).toBeGreaterThan(2);
  });

  it('fails the build, with what to do, when the SDK changed those lines', () => {
    expect(() => stripRunner(source.replace(EXPECTED[0]!, 'import { Runner } from "./runner.mjs";'), AGENT)).toThrow(
      /no longer contains import \{ Runner \} from "\.\/run\.mjs";.*the SDK changed, update this loader/,
    );
  });

  it('next.config points every browser alias and loader at a file that exists (a wrong path would be ignored silently)', () => {
    const turbopack = nextConfig.turbopack!;
    const targets = Object.values(turbopack.resolveAlias ?? {}).map((v) => (typeof v === 'object' && !Array.isArray(v) ? v.browser : v));
    const loaders = Object.values(turbopack.rules ?? {}).flatMap((rule) => (Array.isArray(rule) ? rule : [rule])).flatMap((r) => (typeof r === 'object' && 'loaders' in r ? (r.loaders ?? []) : []));
    const files = [...targets, ...loaders].map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t && 'loader' in t ? t.loader : String(t)));
    expect(files.length).toBe(3);
    for (const file of files) expect(existsSync(path.resolve(file)), file).toBe(true);
  });
});
