import { describe, expect, it } from 'vitest';
import * as zodV3 from 'zod/v3';
import { ZodFirstPartyTypeKind } from './zod-v3-browser';

describe('the browser stand-in for zod/v3', () => {
  it('has exactly zod 3’s type-kind names, so the SDK’s schema converter reads zod 4 schemas the same', () => {
    expect(ZodFirstPartyTypeKind).toEqual({ ...zodV3.ZodFirstPartyTypeKind });
  });

  it('exports everything the client graph imports from zod/v3 (openai’s vendored zod-to-json-schema)', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve('node_modules/openai');
    const names = new Set<string>();
    let imports = 0;
    let named = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name.endsWith('.mjs')) {
          const text = readFileSync(p, 'utf8');
          imports += [...text.matchAll(/from\s*['"]zod\/v3['"]|import\(\s*['"]zod\/v3['"]/g)].length;
          for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]zod\/v3['"]/g)) {
            named += 1;
            for (const n of m[1]!.split(',')) if (n.trim()) names.add(n.trim().split(/\s+as\s+/)[0]!);
          }
        }
      }
    };
    walk(root);
    expect(imports).toBeGreaterThan(0);
    expect(named).toBe(imports);
    expect([...names]).toEqual(['ZodFirstPartyTypeKind']);
  });
});
