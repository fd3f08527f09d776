/**
 * Test helper run as a child process by durability.test.ts: opens PGlite in the given
 * directory, starts a session, saves utterances the way the app does, then SIGKILLs
 * itself without closing anything (a crashed or killed server).
 */
import { createDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { appendTranscriptItemSql, createSessionSql } from './raw-writes';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-then-die.ts <pglite dir>');
const handle = createDatabase({ pgliteDir: dir });
await migrateDatabase(handle);
const sessionId = await createSessionSql(handle.db);
for (let i = 0; i < 3; i++) await appendTranscriptItemSql(handle.db, sessionId, i);
process.stdout.write(`${sessionId}\n`, () => process.kill(process.pid, 'SIGKILL'));
