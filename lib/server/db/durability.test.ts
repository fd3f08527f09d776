import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { closeDatabase, databaseConfigFromEnv } from './client';
import { getPracticeSessionById, listTranscriptItemsBySessionId } from './queries';

/** A killed server (SIGKILL, nothing closed) loses none of the utterances it had saved. */

const dir = mkdtempSync(path.join(tmpdir(), 'cue-durability-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dir);
afterAll(async () => {
  await closeDatabase(databaseConfigFromEnv(parseEnv(process.env)));
  rmSync(dir, { recursive: true, force: true });
});

describe('PGlite durability', () => {
  it('keeps every saved utterance after the writing process is SIGKILLed', async () => {
    const script = fileURLToPath(new URL('./test-support/write-then-die.ts', import.meta.url));
    const child = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, path.join(dir, 'pglite')], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    }).then(
      () => ({ signal: null as string | null, stdout: '' }),
      (e: { signal?: string; stdout?: string }) => ({ signal: e.signal ?? null, stdout: e.stdout ?? '' }),
    );
    expect(child.signal).toBe('SIGKILL');
    const sessionId = child.stdout.trim();
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);

    const session = await getPracticeSessionById({ id: sessionId });
    expect(session).toMatchObject({ id: sessionId, endedAt: null });
    expect((await listTranscriptItemsBySessionId({ sessionId })).map((i) => [i.speaker, i.text])).toEqual([
      ['client', 'utterance 0'],
      ['user', 'utterance 1'],
      ['client', 'utterance 2'],
    ]);
  }, 60_000);
});
