import { eq, sql } from 'drizzle-orm';
import { createDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteSites } from '@/lib/server/db/schema';
import { parseEnv } from '@/lib/server/env-schema';
import { startEngine } from '@/lib/engine/server';
import { mintRealtimeSecret } from '@/lib/server/model-access/mint';
import { toSite } from '@/lib/server/website/sites';
import { reserveSessionSeconds } from '@/lib/server/website/usage';
import { createDatabaseWindowCounter } from '@/lib/server/website/window-counter';
import { WIDGET_PASS_THROUGH } from '@/lib/server/website/widget-mint';
import { websiteConcierge } from '@/agents/website-concierge';
async function main() {
  const secret = 'bench-website-secret';
  const engine = await startEngine({ secret, port: 0, host: '127.0.0.1' });
  const h = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(h);
  const limits = { perIpPerMinute: 600, perSitePerMinute: 6000, dailyBudgetMinutes: 100_000, maxSessionMinutes: 8 };
  await h.db.insert(websiteSites).values({ id: 'bench', name: 'Bench', allowedOrigins: ['https://bench.test'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#000000', label: 'Ask', position: 'bottom-right' }, limits });
  const env = parseEnv({ CUE_REALTIME_BACKEND: 'local', CUE_ENGINE_SECRET: secret, CUE_ENGINE_URL: `ws://127.0.0.1:${engine.port}/v1/realtime` });
  const counter = createDatabaseWindowCounter(() => h.db);
  const steps: Record<string, () => Promise<unknown>> = {
    site: async () => { const [s] = await h.db.select().from(websiteSites).where(eq(websiteSites.id, 'bench')).limit(1); return toSite(s!); },
    siteRow: async () => h.db.select().from(websiteSites).where(eq(websiteSites.id, 'bench')).limit(1),
    rawRow: async () => h.db.execute(sql`select * from website_sites where id = 'bench'`),
    select1: async () => h.db.execute(sql`select 1`),
    counter: () => counter.take(`ip:bench:1.2.3.${Math.random()}`, 600, Date.now()),
    reserve: () => reserveSessionSeconds('bench', 480, 6_000_000, new Date(), h.db),
    config: async () => websiteConcierge({ siteName: 'Bench', goal: 'book_call' }),
    health: () => fetch(`http://127.0.0.1:${engine.port}/health`),
    mint: () => mintRealtimeSecret({ agentId: 'website-concierge', config: websiteConcierge({ siteName: 'Bench', goal: 'book_call' }), subject: 'x', clientIp: '1.1.1.1', transport: 'websocket', maxSessionSeconds: 480 }, { env, limits: WIDGET_PASS_THROUGH }),
  };
  for (const [name, f] of Object.entries(steps)) {
    for (let i = 0; i < 10; i++) await f();
    const xs: number[] = []; const cs: number[] = [];
    for (let i = 0; i < 40; i++) { const c0 = process.cpuUsage(); const t0 = performance.now(); await f(); xs.push(performance.now() - t0); const c = process.cpuUsage(c0); cs.push((c.user + c.system) / 1000); }
    xs.sort((a, b) => a - b); cs.sort((a, b) => a - b);
    console.log(name.padEnd(10), 'wall p50', xs[20]!.toFixed(2), 'cpu p50', cs[20]!.toFixed(2));
  }
  await h.close(); await engine.close();
}
void main();
