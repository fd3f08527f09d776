/**
 * `npm run bench:studio`: how fast a saved agent change reaches live calls. A save (call, commit) ->
 * every subscriber's callback, with SUBSCRIBERS subscriptions on one agent (as many live calls), on:
 *  - PGlite, version poll only (the portable fallback, 500 ms): bounded by the poll interval;
 *  - PGlite with its in-process LISTEN (NOTIFY on commit);
 *  - PostgreSQL across two instances (two pools; LISTEN/NOTIFY), when TEST_DATABASE_URL is set.
 * Also the poll's own cost (one version read for the subscribed agents). Target: p95 under 1000 ms.
 * `--saves=N` (default 20), `--subscribers=N` (default 200).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { phoneReceptionist } from '@/agents/studio-builtins';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { currentVersions } from '@/lib/server/db/studio-queries';
import { createStudioAgentSource, listenerFor } from '@/lib/server/studio/agent-source';
import { getEditorView, saveAgent } from '@/lib/server/studio/studio-service';
import { row, summarize } from './bench-stats';

const args = process.argv.slice(2);
const SAVES = Number(args.find((a) => a.startsWith('--saves='))?.split('=')[1] ?? 20);
const SUBSCRIBERS = Number(args.find((a) => a.startsWith('--subscribers='))?.split('=')[1] ?? 200);
const ID = phoneReceptionist.id;
const author = { id: null as string | null, name: 'bench' };

async function measure(label: string, writer: DatabaseHandle, reader: DatabaseHandle, listen: boolean): Promise<void> {
  const source = createStudioAgentSource({ db: reader.db, listen: listen ? listenerFor(reader) : undefined, pollMs: listen ? 60_000 : 500 });
  await source.byId(ID);
  let pending: { version: number; at: number; left: number; done: () => void } | null = null;
  const latencies: number[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 1) {
    source.subscribe(ID, (cfg) => {
      if (!pending || cfg.version !== pending.version) return;
      pending.left -= 1;
      if (pending.left === 0) {
        latencies.push(performance.now() - pending.at);
        pending.done();
      }
    });
  }
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < SAVES; i += 1) {
    const view = await getEditorView(writer.db, ID);
    if (!view.ok) throw new Error(view.error.message);
    const arrived = new Promise<void>((resolve) => {
      pending = { version: view.data.version + 1, at: performance.now(), left: SUBSCRIBERS, done: resolve };
    });
    const saved = await saveAgent(writer.db, author as { id: string; name: string }, { agentId: ID, baseVersion: view.data.version, config: { ...view.data.agent, greeting: `Hello number ${i}, how can I help?` } });
    if (!saved.ok) throw new Error(saved.error.message);
    await arrived;
    // Saves land at random points of the poll cycle.
    await new Promise((r) => setTimeout(r, Math.random() * 500));
  }
  await source.close();
  console.log(row(`${label} (${SUBSCRIBERS} subscribers)`, summarize(latencies), 'target p95 < 1000 ms'));
}

async function pollCost(handle: DatabaseHandle, label: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const t = performance.now();
    await currentVersions(handle.db, [ID, 'phone-support']);
    times.push(performance.now() - t);
  }
  console.log(row(`${label}: one version poll`, summarize(times)));
}

async function main(): Promise<void> {
  console.log(`bench:studio  saves=${SAVES}  cpus=${cpus().length}  load=${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const pglite = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(pglite);
  await getEditorView(pglite.db, ID); // seeds
  await measure('PGlite, version poll (500 ms)', pglite, pglite, false);
  await measure('PGlite, LISTEN/NOTIFY', pglite, pglite, true);
  await pollCost(pglite, 'PGlite');
  await pglite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: skipped (set TEST_DATABASE_URL to a throwaway database; it is wiped)');
    return;
  }
  const writer = createDatabase({ databaseUrl: url, pgliteDir: 'unused' });
  const reader = createDatabase({ databaseUrl: url, pgliteDir: 'unused' });
  await writer.db.execute(sql`drop schema if exists drizzle cascade`);
  await writer.db.execute(sql`drop schema if exists public cascade`);
  await writer.db.execute(sql`create schema public`);
  await migrateDatabase(writer);
  await getEditorView(writer.db, ID);
  await measure('PostgreSQL, 2 instances, LISTEN/NOTIFY', writer, reader, true);
  await measure('PostgreSQL, 2 instances, poll only', writer, reader, false);
  await pollCost(reader, 'PostgreSQL');
  await writer.close();
  await reader.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
