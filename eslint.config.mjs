import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
    files: ['lib/server/env.ts', 'playwright.config.ts', 'scripts/**', 'e2e/**', 'vitest.config.ts', 'drizzle.config.ts', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
export default config;
