/**
 * In the browser, zod probes `new Function('')` to pick a faster parser; under Cue's
 * Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation. Jitless
 * parsing is as correct and fast enough for the page's small inputs. Imported for its effect
 * by the root layout's status banner, which every page loads before it parses anything.
 * zod 4 keeps its settings on `globalThis.__zod_globalConfig` (zod/v4/core/core.js) and reads
 * them at parse time, so this sets the flag without importing zod: pages that never parse
 * do not load zod for it (it would be ~35 kB of every page's first load).
 */
if (typeof window !== 'undefined') {
  const g = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
  (g.__zod_globalConfig ??= {}).jitless = true;
}

export {};
