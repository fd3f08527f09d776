import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Value names a module imports (or re-exports) from the bare '@openai/agents-core'. */
function namesFromCoreBarrel(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s*\{([^}]*)\}\s*from\s*['"]@openai\/agents-core['"]/g)) {
    for (const raw of m[1]!.split(',')) {
      const name = raw.trim().split(/\s+as\s+/)[0]!;
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

function realtimeSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.mjs')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.resolve('node_modules/@openai/agents-realtime/dist'));
  return out;
}

describe('the browser stand-in for the @openai/agents-core barrel', () => {
  it('exports every name @openai/agents-realtime imports from the barrel, as the very same object', async () => {
    const wanted = [...new Set(realtimeSources().flatMap(namesFromCoreBarrel))].sort();
    expect(wanted.length).toBeGreaterThan(10);
    const shim = (await import(new URL('./agents-core-browser.mjs', import.meta.url).href)) as Record<string, unknown>;
    const real = (await import('@openai/agents-core')) as unknown as Record<string, unknown>;
    for (const name of wanted) {
      expect(real[name], name).toBeDefined();
      expect(shim[name], name).toBe(real[name]);
    }
    expect(Object.keys(shim).sort()).toEqual(wanted);
  });

  it('does on import what the real barrel does: registers the default trace processor, nothing else', () => {
    const barrel = readFileSync(path.resolve('node_modules/@openai/agents-core/dist/index.mjs'), 'utf8');
    const statements = barrel
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('//'))
      .join(' ')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s && !/^export\b/.test(s));
    expect(statements).toEqual([
      'import { addTraceProcessor } from "./tracing/index.mjs"',
      'import { defaultProcessor } from "./tracing/processor.mjs"',
      'addTraceProcessor(defaultProcessor())',
    ]);
  });
});
