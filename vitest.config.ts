import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**/*.spec.ts'],
    environment: 'node',
    env: { OPENAI_AGENTS_DISABLE_TRACING: '1' },
    testTimeout: 20_000,
    alias: { 'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js') },
  },
});
