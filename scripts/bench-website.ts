/**
 * `npm run bench:website` (also run by `npm run bench`): the website widget's figures.
 *  - widget.js: bytes raw and gzip-compressed (target: at most 5 kB compressed);
 *  - search_knowledge: p95 of searchKnowledge over 10,000 chunks on PGlite (in memory, migrated),
 *    200 varied questions after a warm-up (target: under 20 ms);
 *  - widget mint: p95 of the widget's mint (site lookup, origin check, per-IP/per-site limits, the
 *    daily budget reserved in PGlite, the local engine's health check and token) fired at 50
 *    requests a second for 10 s against a local engine started here (target: under 30 ms).
 *    In process: the Next.js route's HTTP handling is not included.
 * Run with the react-server condition (server-only modules), as package.json does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { createDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteKnowledgeChunks, websiteSites } from '@/lib/server/db/schema';
import { parseEnv } from '@/lib/server/env-schema';
import { startEngine } from '@/lib/engine/server';
import { mintRealtimeSecret } from '@/lib/server/model-access/mint';
import { searchKnowledge } from '@/lib/server/website/knowledge';
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

async function benchSearch(): Promise<void> {
  const h = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(h);
  await h.db.insert(websiteSites).values({ id: 'bench', name: 'Bench', allowedOrigins: ['self'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#000000', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS });
  const r = rng(7);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const topic = pick(TOPICS);
    const body = Array.from({ length: 120 }, () => (r() < 0.08 ? topic : pick(WORDS))).join(' ');
    return { siteId: 'bench', url: `https://bench.test/${topic}/${Math.floor(i / 8)}`, title: `${topic} page ${Math.floor(i / 8)}`, headingPath: r() < 0.05 ? `Team > ${pick(NAMES)}` : `${topic} > section ${i % 8}`, ordinal: i % 8, body, contentHash: `h${i}` };
  });
  const seedStart = performance.now();
  for (let i = 0; i < rows.length; i += 500) await h.db.insert(websiteKnowledgeChunks).values(rows.slice(i, i + 500));
  console.log(`seeded 10,000 chunks in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const questions = Array.from({ length: QUERIES + 20 }, (_, i) => (i % 10 === 0 ? `who is ${pick(NAMES).replace('e', 'a')}` : `so how much does the ${pick(TOPICS)} ${pick(WORDS)} actually cost for my ${pick(WORDS)}`));
  const times: number[] = [];
  for (const [i, q] of questions.entries()) {
    const t0 = performance.now();
    await searchKnowledge('bench', q, 4, h.db);
    if (i >= 20) times.push(performance.now() - t0);
  }
  console.log(row('search_knowledge, 10,000 chunks (PGlite)', summarize(times), 'p95 < 20 ms'));
  await h.close();
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
  const one = async (i: number) => {
    const t0 = performance.now();
    const out = await mintWidgetSecret({ body: { siteId: 'bench', hostOrigin: 'https://bench.test', mode: 'text' }, origin: APP, appOrigin: APP, clientIp: `10.0.${i % 250}.${i % 7}` }, deps);
    if (!out.ok) throw new Error(`mint refused: ${out.error.code}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await one(i);
  const times: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < MINT_SECONDS * 50; i++) {
    const due = start + i * 20;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i).then((ms) => void times.push(ms)));
  }
  await Promise.all(pending);
  console.log(row(`widget mint at 50 req/s for ${MINT_SECONDS} s`, summarize(times), 'p95 < 30 ms'));
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
