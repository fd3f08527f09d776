import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientChunkFiles } from './first-load';
import { findForbidden, FORBIDDEN_IN_CLIENT } from './forbidden-code';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeStatic(files: Record<string, string>): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'cue-chunks-'));
  dirs.push(dist);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
    writeFileSync(path.join(dist, rel), content);
  }
  return dist;
}

describe('forbidden code in client chunks', () => {
  it('every marker is still in the code it stands for', () => {
    for (const rule of FORBIDDEN_IN_CLIENT) expect(readFileSync(path.resolve(rule.source), 'utf8'), rule.what).toContain(rule.marker);
  });

  it('is found in any chunk, first-load or on demand, and only in JavaScript', () => {
    const runner = FORBIDDEN_IN_CLIENT[0]!;
    const dist = fakeStatic({ 'static/chunks/sdk.js': `x("${runner.marker}")`, 'static/chunks/ok.js': 'fine()', 'static/css/a.css': runner.marker });
    const files = clientChunkFiles(dist);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['ok.js', 'sdk.js']);
    expect(findForbidden(files)).toEqual([{ what: runner.what, file: path.join(dist, 'static/chunks/sdk.js') }]);
  });
});
