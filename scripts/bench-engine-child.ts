/**
 * The engine under test for `scripts/bench-engine.ts`: a local realtime engine on a free
 * port in its own process, so the CPU and memory the bench reports are the engine's alone.
 * Talks to its parent over the fork IPC channel: `ready` with the URL once listening, then
 * answers `stats` (RSS, heap, CPU time) and `gc` requests, and stops on `stop`.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { startEngine } from '@/lib/engine/server';

type Request = { id: number; cmd: 'stats' | 'gc' | 'stop' };

export type ChildStats = { rss: number; heapUsed: number; heapTotal: number; external: number; cpuUserUs: number; cpuSystemUs: number; health: unknown };

async function main(): Promise<void> {
  const secret = process.env.CUE_BENCH_ENGINE_SECRET;
  if (!secret || !process.send) throw new Error('bench-engine-child: run me through scripts/bench-engine.ts');
  const paceFactor = Number(process.env.CUE_BENCH_ENGINE_PACE ?? 4);
  const engine = await startEngine({ secret, port: 0, paceFactor, synthesis: 'tone', recognition: null }); // protocol load only: speech has its own benches (bench-tts, bench-speech)
  const health = async () => {
    try {
      return await (await fetch(`${engine.httpUrl}/health`)).json();
    } catch {
      return null;
    }
  };
  process.on('message', (raw) => {
    const req = raw as Request;
    void (async () => {
      if (req.cmd === 'gc') {
        (globalThis as { gc?: () => void }).gc?.();
        await new Promise((r) => setTimeout(r, 50));
        (globalThis as { gc?: () => void }).gc?.();
        if (process.env.CUE_BENCH_HEAP_SPACES) {
          const spaces = getHeapSpaceStatistics().map((sp) => `${sp.space_name} ${(sp.space_size / 1048576).toFixed(1)}/${(sp.space_used_size / 1048576).toFixed(1)}`);
          console.error(`[engine heap] ${spaces.join(', ')}`);
        }
      }
      if (req.cmd === 'stop') {
        await engine.close();
        process.send?.({ id: req.id, ok: true }, () => process.exit(0));
        return;
      }
      const cpu = process.cpuUsage();
      const mem = process.memoryUsage();
      const stats: ChildStats = { rss: mem.rss, heapUsed: mem.heapUsed, heapTotal: mem.heapTotal, external: mem.external, cpuUserUs: cpu.user, cpuSystemUs: cpu.system, health: await health() };
      process.send?.({ id: req.id, ok: true, stats });
    })();
  });
  process.on('disconnect', () => void engine.close().then(() => process.exit(0)));
  process.send({ ready: true, url: engine.url, httpUrl: engine.httpUrl });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
