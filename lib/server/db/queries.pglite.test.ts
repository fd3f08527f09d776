import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, vi } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { databaseConfigFromEnv } from './client';
import { defineQuerySuite } from './queries.suite';

/** The query suite on embedded PGlite, in a throwaway data directory. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-pglite-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

defineQuerySuite('pglite', { resetSchema: false, config: () => databaseConfigFromEnv(parseEnv(process.env)) });
