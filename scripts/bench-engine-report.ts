/** The table and verdicts `scripts/bench-engine.ts` prints. */
import { cpus } from 'node:os';
import type { ChildStats } from './bench-engine-child';
import { fmt, type summarize } from './bench-stats';

export type LevelResult = {
  n: number;
  admitted: number;
  refused: Map<string, number>;
  chunks: number;
  late: number;
  latePlay: number;
  created: ReturnType<typeof summarize>;
  hintsSent: number;
  hintErrors: Map<string, number>;
  cpuPct: number;
  rssStart: number;
  rssPeak: number;
  rssAfter: number;
  heap: { start: ChildStats; after: ChildStats };
  clientLagP99: number;
  clientCpuPct: number;
  load: number;
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const codes = (m: Map<string, number>) => (m.size ? [...m].map(([c, k]) => `${k}× ${c}`).join(', ') : '0');

export function report(results: LevelResult[], cold: ChildStats, run: { seconds: number; warmupMs: number; pace: number }): void {
  const { seconds: SECONDS, warmupMs: WARMUP_MS, pace: PACE } = run;
  console.log(`\nLocal engine load — ${SECONDS} s per level after ${WARMUP_MS / 1000} s warm-up, pace ${PACE}× (audio chunk every ${100 / PACE} ms), 20 ms mic frames, 1 OOB hint/s/session`);
  console.log(`Engine RSS when started, before any session: ${mb(cold.rss)} (heap ${mb(cold.heapUsed)} used)\n`);
  const head = ['sessions', 'admitted', 'late (play)', 'late (pace)', 'chunks', 'created p50', 'created p95', 'engine CPU', 'RSS start', 'RSS peak', 'RSS after', 'RSS Δ', 'client CPU', 'client lag p99', 'load'];
  const rows = results.map((r) => [
    String(r.n),
    String(r.admitted),
    r.chunks ? `${((100 * r.latePlay) / r.chunks).toFixed(2)} %` : '—',
    r.chunks ? `${((100 * r.late) / r.chunks).toFixed(2)} %` : '—',
    String(r.chunks),
    fmt(r.created.p50),
    fmt(r.created.p95),
    `${r.cpuPct.toFixed(0)} %`,
    mb(r.rssStart),
    mb(r.rssPeak),
    mb(r.rssAfter),
    `${r.rssAfter >= r.rssStart ? '+' : ''}${((100 * (r.rssAfter - r.rssStart)) / r.rssStart).toFixed(0)} %`,
    `${r.clientCpuPct.toFixed(0)} %`,
    fmt(r.clientLagP99),
    r.load.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const r of results) {
    const heap = (s: ChildStats) => `heap ${mb(s.heapUsed)}/${mb(s.heapTotal)}, external ${mb(s.external)}`;
    console.log(`${String(r.n).padStart(4)} sessions: refused at connect: ${codes(r.refused)}; hints asked ${r.hintsSent}, answered with an error: ${codes(r.hintErrors)}`);
    console.log(`               memory at start: ${heap(r.heap.start)}; after close + GC: ${heap(r.heap.after)}`);
  }
  console.log('\nTargets: 100 sessions < 2 % late audio and response.created p95 < 50 ms; past capacity, extra sessions refused cleanly; RSS after close within 20 % of start.');
  const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');
  for (const r of results) {
    const latePct = r.chunks ? (100 * r.latePlay) / r.chunks : Number.NaN;
    const pacePct = r.chunks ? (100 * r.late) / r.chunks : Number.NaN;
    const rss = Math.abs(r.rssAfter - r.rssStart) / r.rssStart <= 0.2;
    const refusedClean = r.admitted + [...r.refused.values()].reduce((a, b) => a + b, 0) === r.n && [...r.refused.keys()].every((k) => k.includes('engine_at_capacity'));
    const parts = [`late (play) ${verdict(latePct < 2)}`, `late (pace) ${verdict(pacePct < 2)}`, `created p95 ${verdict(r.created.p95 < 50)}`, `RSS ${verdict(rss)}`];
    if (r.refused.size) parts.push(`refusals ${verdict(refusedClean)}`);
    console.log(`  ${String(r.n).padStart(4)} sessions: ${parts.join(', ')}`);
  }
  console.log('"client CPU" / "client lag p99": the bench client\'s own CPU (of one core) and event-loop delay; when high, lateness is partly the client\'s.');
  console.log(`"load": the machine's 1-minute load average at the end of the level (${cpus().length} cores); figures are noisy when it is above the core count.\n`);
}
