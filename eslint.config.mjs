import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Layers, bottom to top: lib/contracts -> lib/shared -> agents -> lib/realtime | lib/engine ->
 * features (lib/live, lib/practice, ...) -> lib/server -> components, app. A layer imports only
 * layers below it; a feature never imports another feature; nothing outside lib/server and app
 * touches the database, the environment or the model key.
 */
const FEATURES = ['live', 'practice', 'website', 'assist', 'studio', 'phone'];
const all = ['contracts', 'shared', 'realtime', 'engine', 'server', ...FEATURES].map((d) => `./lib/${d}`);
const not = (...keep) => [...all, './agents', './components', './app'].filter((p) => !keep.includes(p));
const zone = (target, allowed, message) => ({ target, from: not(target, ...allowed), message });
const layerZones = [
  zone('./lib/contracts', [], 'lib/contracts holds schemas and types only: it imports nothing of ours.'),
  zone('./lib/shared', ['./lib/contracts'], 'lib/shared sits on lib/contracts only.'),
  zone('./agents', ['./lib/contracts', './lib/shared'], 'Agent configs and prompts use contracts and shared helpers only.'),
  zone('./lib/engine', ['./lib/contracts', './lib/shared'], 'The local engine knows only the contracts.'),
  zone('./lib/realtime', ['./lib/contracts', './lib/shared'], 'The realtime core knows no feature and no agent: pass what it needs in.'),
  ...FEATURES.map((f) =>
    zone(`./lib/${f}`, ['./lib/contracts', './lib/shared', './agents', './lib/realtime'], `A feature (lib/${f}) imports the core, agents, contracts and shared code, never another feature or the server.`),
  ),
  zone('./lib/server', ['./lib/contracts', './lib/shared', './agents', './lib/engine', ...FEATURES.map((f) => `./lib/${f}`)], 'lib/server composes the layers below it.'),
  ...FEATURES.map((f) => ({
    target: `./components/${f}`,
    from: [...FEATURES.filter((g) => g !== f).flatMap((g) => [`./lib/${g}`, `./components/${g}`]), './lib/server', './lib/engine'],
    message: 'A feature\'s components use their own feature, the core and server actions; never another feature, the engine or lib/server.',
  })),
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', 'next-env.d.ts', 'lib/server/db/migrations/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/server/env.ts.' }],
    },
  },
  {
    // Tests may stand up real collaborators (an engine, a database); the layers bind shipped code.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', 'e2e/**', 'scripts/**'],
    rules: { 'import/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['lib/server/env.ts', 'playwright.config.ts', 'scripts/**', 'e2e/**', 'vitest.config.ts', 'drizzle.config.ts', 'next.config.ts', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
export default config;
