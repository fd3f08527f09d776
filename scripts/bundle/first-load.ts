import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

/**
 * What a page of a `next build` (Next 16, App Router, Turbopack) sends a browser as
 * JavaScript on first load, read from the build's own manifests:
 *  - .next/build-manifest.json `rootMainFiles`: the runtime and framework chunks every page
 *    loads (`polyfillFiles` are `nomodule` scripts a modern browser never fetches);
 *  - .next/app-path-routes-manifest.json: each app page entry ("/live/page") and its route;
 *  - .next/server/app/<entry>_client-reference-manifest.js `entryJSFiles`: per segment of
 *    the page (root layout, global error, the page, error boundaries) the chunks its client
 *    components need to render; the HTML carries each one as a <script async>.
 * e2e/bundle-budget.spec.ts checks this list against the <script> tags of the served page.
 *
 * Sizes are what `next start` puts on the wire: its `compression` middleware gzips at zlib's
 * default level (6) every response of 1 kB or more and sends smaller ones as they are.
 */

const COMPRESSION_THRESHOLD_BYTES = 1024;

type ChunkSize = { file: string; raw: number; gzip: number; wire: number };
export type RouteLoad = { route: string; files: ChunkSize[]; raw: number; gzip: number; wire: number };

class BuildReadError extends Error {
  readonly code = 'build_unreadable';
}

function readJson<T>(file: string): T {
  if (!existsSync(file)) throw new BuildReadError(`${file} is missing: run \`next build\` first`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new BuildReadError(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

type BuildManifest = { rootMainFiles?: unknown };
type ClientReferenceManifest = { entryJSFiles?: Record<string, unknown> };

/** The build's first-load facts: shared root files and each route's own entry files. */
export type BuildLayout = { distDir: string; rootMainFiles: string[]; routes: Map<string, string[]> };

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new BuildReadError(`${what} is not a list of file names`);
  return value;
}

/** Evaluates a client reference manifest (it assigns `globalThis.__RSC_MANIFEST[entry]`) in an empty context. */
function readClientReferenceManifest(file: string, entry: string): ClientReferenceManifest {
  if (!existsSync(file)) throw new BuildReadError(`${file} is missing (the client reference manifest of ${entry})`);
  const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  try {
    vm.runInNewContext(readFileSync(file, 'utf8'), context, { timeout: 1000 });
  } catch (error) {
    throw new BuildReadError(`${file} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const manifest = context.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new BuildReadError(`${file} does not describe ${entry}`);
  return manifest;
}

export function readBuildLayout(distDir = '.next'): BuildLayout {
  const build = readJson<BuildManifest>(path.join(distDir, 'build-manifest.json'));
  const rootMainFiles = stringList(build.rootMainFiles, 'build-manifest.json rootMainFiles');
  if (rootMainFiles.length === 0) throw new BuildReadError('build-manifest.json lists no rootMainFiles: is this an App Router build?');
  const appRoutes = readJson<Record<string, string>>(path.join(distDir, 'app-path-routes-manifest.json'));
  const routes = new Map<string, string[]>();
  for (const [entry, route] of Object.entries(appRoutes)) {
    if (!entry.endsWith('/page')) continue;
    const manifest = readClientReferenceManifest(path.join(distDir, 'server', 'app', `${entry}_client-reference-manifest.js`), entry);
    const files = Object.entries(manifest.entryJSFiles ?? {}).flatMap(([segment, list]) => stringList(list, `entryJSFiles of ${segment} (${entry})`));
    routes.set(route, files);
  }
  return { distDir, rootMainFiles, routes };
}

/** Every script a route loads on first load, each once, in load order (root files first). */
export function firstLoadFiles(layout: BuildLayout, route: string): string[] {
  const own = layout.routes.get(route);
  if (!own) throw new BuildReadError(`no app route ${route} in this build (routes: ${[...layout.routes.keys()].join(', ')})`);
  return [...new Set([...layout.rootMainFiles, ...own])];
}

export function wireBytes(content: Buffer): { raw: number; gzip: number; wire: number } {
  const gzip = gzipSync(content, { level: 6 }).length;
  return { raw: content.length, gzip, wire: content.length < COMPRESSION_THRESHOLD_BYTES ? content.length : gzip };
}

export function measureRoute(layout: BuildLayout, route: string): RouteLoad {
  const files = firstLoadFiles(layout, route).map((file) => {
    const full = path.join(layout.distDir, file);
    if (!existsSync(full)) throw new BuildReadError(`${full} is listed for ${route} but missing from the build`);
    return { file, ...wireBytes(readFileSync(full)) };
  });
  const sum = (key: 'raw' | 'gzip' | 'wire') => files.reduce((total, f) => total + f[key], 0);
  return { route, files, raw: sum('raw'), gzip: sum('gzip'), wire: sum('wire') };
}

/** Every client JavaScript file of the build (first-load and on-demand chunks alike). */
export function clientChunkFiles(distDir = '.next'): string[] {
  const root = path.join(distDir, 'static');
  if (!existsSync(root)) throw new BuildReadError(`${root} is missing: run \`next build\` first`);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.js')) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
