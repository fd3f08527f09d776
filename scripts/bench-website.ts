/**
 * `npm run bench:website` (also run by `npm run bench`): the website widget's figures.
 *  - widget.js: bytes raw and gzip-compressed (target: at most 5 kB compressed);
 *  - search_knowledge: p95 of searchKnowledge over 10,000 chunks on PGlite (in memory, migrated),
 *    and on PostgreSQL too when DATABASE_URL is set (a bench site created and dropped there), 200
 *    varied questions after a warm-up (target: under 20 ms); also checks the answers (the topic's
 *    pages for a topic question, the person for a misspelt name);
 *  - widget mint: p95 of the widget's mint (site lookup, origin check, per-IP/per-site limits, the
 *    daily budget reserved in PGlite, the local engine's health check and token) fired at 50
 *    requests a second for 10 s against a local engine started here (target: under 30 ms).
 *    In process: the Next.js route's HTTP handling is not included.
 * Run with the react-server condition (server-only modules), as package.json does.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { createDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteKnowledgeChunks, websiteSites } from '@/lib/server/db/schema';
import type { Database } from '@/lib/server/db/client';
import { parseEnv } from '@/lib/server/env-schema';
import { startEngine } from '@/lib/engine/server';
import { mintRealtimeSecret } from '@/lib/server/model-access/mint';
import { searchKnowledge } from '@/lib/server/website/knowledge-search';
import { toSite } from '@/lib/server/website/sites';
import { reserveSessionSeconds } from '@/lib/server/website/usage';
import { createDatabaseWindowCounter } from '@/lib/server/website/window-counter';
import { mintWidgetSecret, WIDGET_PASS_THROUGH } from '@/lib/server/website/widget-mint';
import { row, summarize } from './bench-stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
/** `--queries=N` (default 200) measured searches; `--mint-seconds=S` (default 10) of minting at 50/s. */
const QUERIES = arg('queries', 200);
const MINT_SECONDS = arg('mint-seconds', 10);

const TOPICS = ['workshop', 'pricing', 'coaching', 'rollout', 'governance', 'security', 'logistics', 'insurance', 'healthcare', 'training', 'strategy', 'automation', 'vendor', 'budget', 'pilot', 'roadmap', 'analytics', 'privacy', 'compliance', 'hiring'];
const WORDS = 'team leaders process value risk plan data model cost weeks month customer service office support project results review meeting delivery quality change staff report tools'.split(' ');
const NAMES = ['Maria Keller', 'Tiago Duarte', 'Ana Silva', 'Jonas Weber', 'Lena Fischer', 'Rui Costa', 'Eva Novak', 'Omar Haddad'];

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** "p95 12.3 ms = 0.62x the 20 ms target: ok" */
function verdict(p95: number, targetMs: number): string {
  const ratio = p95 / targetMs;
  return `p95 = ${ratio.toFixed(2)}x the ${targetMs} ms target: ${ratio < 1 ? 'ok' : 'MISSED'}`;
}
const load = () => `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`;
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function benchSearchOn(label: string, database: Database, siteId: string): Promise<void> {
  await database.delete(websiteSites).where(eq(websiteSites.id, siteId));
  await database.insert(websiteSites).values({ id: siteId, name: 'Bench', allowedOrigins: ['self'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#000000', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS });
  const r = rng(7);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const topic = pick(TOPICS);
    const body = Array.from({ length: 120 }, () => (r() < 0.08 ? topic : pick(WORDS))).join(' ');
    return { siteId, url: `https://bench.test/${topic}/${Math.floor(i / 8)}`, title: `${topic} page ${Math.floor(i / 8)}`, headingPath: r() < 0.05 ? `Team > ${pick(NAMES)}` : `${topic} > section ${i % 8}`, ordinal: i % 8, body, contentHash: `h${i}` };
  });
  const seedStart = performance.now();
  for (let i = 0; i < rows.length; i += 500) await database.insert(websiteKnowledgeChunks).values(rows.slice(i, i + 500));
  console.log(`seeded 10,000 chunks (${label}) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const questions = Array.from({ length: QUERIES + 20 }, (_, i) => {
    if (i % 10 === 0) {
      const name = pick(NAMES);
      return { q: `who is ${name.replace('e', 'a')}`, expect: (h: { headingPath: string }) => h.headingPath.endsWith(name) };
    }
    const topic = pick(TOPICS);
    return { q: `so how much does the ${topic} ${pick(WORDS)} actually cost for my ${pick(WORDS)}`, expect: (h: { url: string }) => h.url.includes(`/${topic}/`) };
  });
  const times: number[] = [];
  const cpu: number[] = [];
  let right = 0;
  for (const [i, { q, expect }] of questions.entries()) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const hits = await searchKnowledge(siteId, q, 4, database);
    if (i < 20) continue;
    times.push(performance.now() - t0);
    cpu.push(cpuMs(c0));
    if (hits[0] && expect(hits[0])) right++;
  }
  const s = summarize(times);
  console.log(row(`search_knowledge, 10,000 chunks (${label})`, s, verdict(s.p95, 20)));
  console.log(`  first hit right (the topic's page / the misspelt person): ${right}/${times.length}; CPU of this process per search p50 ${summarize(cpu).p50.toFixed(2)} ms, p95 ${summarize(cpu).p95.toFixed(2)} ms (${load()})`);
  await database.delete(websiteSites).where(eq(websiteSites.id, siteId));
}

async function benchSearch(): Promise<void> {
  const h = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(h);
  await benchSearchOn('PGlite', h.db, 'bench');
  await h.close();
  if (!process.env.DATABASE_URL) {
    console.log('search_knowledge on PostgreSQL: skipped (set DATABASE_URL to a PostgreSQL database to run it there too)');
    return;
  }
  const pg = createDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: '' });
  await migrateDatabase(pg);
  await benchSearchOn(`PostgreSQL ${pg.location}`, pg.db, `bench-${process.pid}`);
  await pg.close();
}

async function benchMint(): Promise<void> {
  const secret = 'bench-website-secret';
  const engine = await startEngine({ secret, port: 0, host: '127.0.0.1' });
  const h = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(h);
  const limits = { perIpPerMinute: 600, perSitePerMinute: 6000, dailyBudgetMinutes: 100_000, maxSessionMinutes: 8 };
  await h.db.insert(websiteSites).values({ id: 'bench', name: 'Bench', allowedOrigins: ['https://bench.test'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#000000', label: 'Ask', position: 'bottom-right' }, limits });
  const env = parseEnv({ CUE_REALTIME_BACKEND: 'local', CUE_ENGINE_SECRET: secret, CUE_ENGINE_URL: `ws://127.0.0.1:${engine.port}/v1/realtime` });
  // The limits in the bench's database, as in the app (one insert per limit per mint).
  const counter = createDatabaseWindowCounter(() => h.db);
  const deps = {
    getSite: async (id: string) => {
      const [site] = await h.db.select().from(websiteSites).where(eq(websiteSites.id, id)).limit(1);
      return site ? toSite(site) : null;
    },
    counter,
    reserve: (siteId: string, s: number, budget: number, now: Date) => reserveSessionSeconds(siteId, s, budget, now, h.db),
    mint: (req: Parameters<typeof mintRealtimeSecret>[0]) => mintRealtimeSecret(req, { env, limits: WIDGET_PASS_THROUGH }),
  };
  const APP = 'http://127.0.0.1:3000';
  /** Refused mints by code (counted, not timed): under load the engine's health check may time out. */
  const refused = new Map<string, number>();
  /** Latency from when the request was due (open loop: a late start counts against the mint). */
  const one = async (i: number, t0 = performance.now()) => {
    const out = await mintWidgetSecret({ body: { siteId: 'bench', hostOrigin: 'https://bench.test', mode: 'text' }, origin: APP, appOrigin: APP, clientIp: `10.0.${i % 250}.${i % 7}` }, deps);
    if (!out.ok) {
      refused.set(out.error.code, (refused.get(out.error.code) ?? 0) + 1);
      return null;
    }
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await one(i);
  refused.clear();
  const times: number[] = [];
  const pending: Promise<void>[] = [];
  const c0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < MINT_SECONDS * 50; i++) {
    const due = start + i * 20;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i, due).then((ms) => void (ms === null ? undefined : times.push(ms))));
  }
  await Promise.all(pending);
  const cpuPerMint = cpuMs(c0) / times.length;
  const m = summarize(times);
  console.log(row(`widget mint at 50 req/s for ${MINT_SECONDS} s`, m, verdict(m.p95, 30)));
  const refusals = [...refused].map(([code, n]) => `${code} ${n}`).join(', ');
  console.log(`  open loop: ${MINT_SECONDS * 50} requests fired on a 20 ms schedule (${times.length} minted${refusals ? `, refused: ${refusals}` : ''}), latency counted from when each was due; CPU of this process (mint path, PGlite and the in-process engine) ${cpuPerMint.toFixed(2)} ms per mint; ${load()}`);
  await h.close();
  await engine.close();
}

async function main(): Promise<void> {
  const source = readFileSync(path.join(process.cwd(), 'public', 'widget.js'));
  const gz = gzipSync(source, { level: 9 }).length;
  console.log(`widget.js: ${source.length} bytes raw, ${gz} bytes gzip (target ≤ 5,000)${gz > 5000 ? '  OVER' : ''}`);
  await benchSearch();
  await benchMint();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
