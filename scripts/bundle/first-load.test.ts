import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { overBudget } from '../check-bundle-budget';
import { firstLoadFiles, measureRoute, readBuildLayout, wireBytes } from './first-load';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A minimal .next of the shape Next 16 (Turbopack) writes. */
function fakeBuild(files: Record<string, string | Buffer>): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'cue-build-'));
  dirs.push(dist);
  const write = (rel: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
    writeFileSync(path.join(dist, rel), content);
  };
  write('build-manifest.json', JSON.stringify({ polyfillFiles: ['static/chunks/polyfill.js'], rootMainFiles: ['static/chunks/runtime.js', 'static/chunks/react.js'] }));
  write('app-path-routes-manifest.json', JSON.stringify({ '/live/page': '/live', '/page': '/', '/api/x/route': '/api/x' }));
  const manifest = (entry: string, entryJSFiles: Record<string, string[]>) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles })};`;
  write('server/app/live/page_client-reference-manifest.js', manifest('/live/page', {
    '[project]/app/layout': ['static/chunks/layout.js'],
    '[project]/app/live/page': ['static/chunks/layout.js', 'static/chunks/live.js'],
  }));
  write('server/app/page_client-reference-manifest.js', manifest('/page', { '[project]/app/layout': ['static/chunks/layout.js'] }));
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return dist;
}

const big = (seed: string, n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `${seed}${(i * 7919) % 10007};`).join(''));

describe('first-load files of a Next 16 build', () => {
  it('are the root main files plus every segment entry of the page, each once, without polyfills', () => {
    const layout = readBuildLayout(fakeBuild({}));
    expect([...layout.routes.keys()].sort()).toEqual(['/', '/live']);
    expect(firstLoadFiles(layout, '/live')).toEqual(['static/chunks/runtime.js', 'static/chunks/react.js', 'static/chunks/layout.js', 'static/chunks/live.js']);
    expect(firstLoadFiles(layout, '/')).toEqual(['static/chunks/runtime.js', 'static/chunks/react.js', 'static/chunks/layout.js']);
  });

  it('are summed as gzip level 6, except responses under 1 kB, which go uncompressed', () => {
    const live = big('live', 3000);
    const dist = fakeBuild({
      'static/chunks/runtime.js': 'tiny();',
      'static/chunks/react.js': big('react', 2000),
      'static/chunks/layout.js': big('layout', 500),
      'static/chunks/live.js': live,
    });
    const load = measureRoute(readBuildLayout(dist), '/live');
    const byFile = Object.fromEntries(load.files.map((f) => [f.file, f]));
    expect(byFile['static/chunks/runtime.js']).toMatchObject({ raw: 7, wire: 7 });
    expect(byFile['static/chunks/live.js']).toMatchObject({ raw: live.length, gzip: gzipSync(live, { level: 6 }).length });
    expect(byFile['static/chunks/live.js']!.wire).toBe(byFile['static/chunks/live.js']!.gzip);
    expect(load.wire).toBe(load.files.reduce((s, f) => s + f.wire, 0));
    expect(wireBytes(Buffer.alloc(1023)).wire).toBe(1023);
    expect(wireBytes(Buffer.alloc(1024)).wire).toBeLessThan(1024);
  });

  it('says what is wrong with a build it cannot read', () => {
    const dist = fakeBuild({ 'static/chunks/runtime.js': 'x' });
    expect(() => measureRoute(readBuildLayout(dist), '/live')).toThrow(/react\.js is listed for \/live but missing/);
    expect(() => firstLoadFiles(readBuildLayout(dist), '/nope')).toThrow(/no app route \/nope/);
    expect(() => readBuildLayout(path.join(dist, 'absent'))).toThrow(/build-manifest\.json is missing: run `next build` first/);
    writeFileSync(path.join(dist, 'server/app/page_client-reference-manifest.js'), 'globalThis.__RSC_MANIFEST = {};');
    expect(() => readBuildLayout(dist)).toThrow(/does not describe \/page/);
  });
});

describe('budgets', () => {
  const load = (route: string, wire: number) => ({ route, files: [], raw: wire * 3, gzip: wire, wire });

  it('fail a page over its budget, with how much over', () => {
    expect(overBudget([load('/live', 180_001), load('/', 400_000)], { '/live': 180_000 })).toEqual([
      '/live sends 180.0 kB of JavaScript on first load, over its 180.0 kB budget by 0.0 kB',
    ]);
    expect(overBudget([load('/live', 180_000)], { '/live': 180_000 })).toEqual([]);
  });

  it('fail a budget for a page the build does not have (a renamed route must not pass silently)', () => {
    expect(overBudget([load('/', 1)], { '/live': 180_000 })).toEqual(['/live has a budget but is not a page of this build']);
  });
});
