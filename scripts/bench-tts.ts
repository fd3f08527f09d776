/**
 * `npm run bench:tts` (also run by `npm run bench`): the local engine's speech output.
 * Starts an engine in this process with real synthesis (flite, or espeak-ng) and again
 * with the tone, and over raw WebSocket sessions asks for replies:
 *  - time from `response.create` sent to the first `response.output_audio.delta`
 *    received, p50/p95, one session at a time and with `--parallel=N` sessions asking
 *    at once (default 4), real speech vs the tone, and the ratio;
 *  - synthesis CPU per audio second: the synthesiser processes' CPU (this process's
 *    reaped children, /proc/self/stat) per second of audio they made, and this
 *    process's own CPU (resampling, encoding, the engine) per second of audio streamed.
 * Options: `--replies=30`, `--parallel=4`, `--pace=10`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { hintAssistant } from '../agents/hint-assistant';
import type { EngineHandle } from '../lib/engine/server';
import { startEngine } from '../lib/engine/server';
import { mint, RawClient, TEST_SECRET } from '../lib/engine/test-support';
import { buildRealtimeSessionBody } from '../lib/server/model-access/session-config';
import { row, summarize } from './bench-stats';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REPLIES = opt('replies', '30');
const PARALLEL = opt('parallel', '4');
const PACE = opt('pace', '10');
const SESSION = buildRealtimeSessionBody(hintAssistant);
const CLOCK_TICKS_PER_S = 100;
const LINES = [
  'We moved the launch to April because QA found two blockers in the payment flow.',
  'The budget for next quarter is still open, and finance wants a number by Friday.',
  'Can you walk me through how the rollout plan handles the European customers?',
];

/** CPU seconds of this process's reaped children (user + system), from /proc/self/stat. */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_S;
}

/** One hint request on a fresh session: ms to the first audio delta, and the audio ms received. */
async function oneReply(engine: EngineHandle, i: number): Promise<{ firstMs: number; audioMs: number }> {
  const c = await RawClient.connect(engine.url, mint('hint-assistant', 60, { session: SESSION }).value);
  c.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: LINES[i % LINES.length] }] } });
  await c.next('conversation.item.done');
  const from = c.events.length;
  const sent = performance.now();
  c.send({ type: 'response.create', response: { conversation: 'none', instructions: 'Give a quick hint.', metadata: { cue_hint: 'quick' } } });
  await c.next('response.output_audio.delta', () => true, { from, timeoutMs: 15_000 });
  const firstMs = performance.now() - sent;
  await c.next('response.done', () => true, { from, timeoutMs: 30_000 });
  const bytes = c.events.slice(from).reduce((n, e) => (e.type === 'response.output_audio.delta' ? n + Buffer.byteLength(String(e.delta), 'base64') : n), 0);
  c.close();
  return { firstMs, audioMs: bytes / 48 };
}

async function run(synthesis: 'auto' | 'tone') {
  const engine = await startEngine({ secret: TEST_SECRET, paceFactor: PACE, synthesis });
  const cpu0 = process.cpuUsage();
  const child0 = childCpuSeconds();
  const serial: number[] = [];
  let audioMs = 0;
  for (let i = 0; i < REPLIES; i++) {
    const r = await oneReply(engine, i);
    serial.push(r.firstMs);
    audioMs += r.audioMs;
  }
  const cpu = process.cpuUsage(cpu0);
  const childCpu = childCpuSeconds() - child0;
  const parallel: number[] = [];
  for (let round = 0; round < Math.ceil(REPLIES / PARALLEL); round++) {
    const rs = await Promise.all(Array.from({ length: PARALLEL }, (_, k) => oneReply(engine, round + k)));
    parallel.push(...rs.map((r) => r.firstMs));
  }
  const stats = engine.synthesizer?.stats ?? null;
  await engine.close();
  return { engine: engine.speech.synthesis.engine ?? 'tone', serial: summarize(serial), parallel: summarize(parallel), audioS: audioMs / 1000, ownCpuS: (cpu.user + cpu.system) / 1e6, childCpu, stats };
}

async function main(): Promise<void> {
  const load = () => loadavg()[0]?.toFixed(1);
  console.log(`\nSpeech output (local engine): ${REPLIES} quick hints one at a time, then ${PARALLEL} sessions at once, pace ${PACE}x (load average ${load()})`);
  const speech = await run('auto');
  const tone = await run('tone');
  if (speech.engine === 'tone') console.log('  no synthesiser installed (install flite): both runs are the tone');
  console.log(row(`first audio, ${speech.engine}, 1 session`, speech.serial));
  console.log(row(`first audio, ${speech.engine}, ${PARALLEL} at once`, speech.parallel));
  console.log(row('first audio, tone, 1 session', tone.serial));
  console.log(row(`first audio, tone, ${PARALLEL} at once`, tone.parallel));
  console.log(`  ratio speech/tone p50 ${(speech.serial.p50 / tone.serial.p50).toFixed(1)}x, p95 ${(speech.serial.p95 / tone.serial.p95).toFixed(1)}x (1 session)`);
  const made = (speech.stats?.audioMs ?? 0) / 1000;
  console.log(`  synthesis: ${speech.stats?.pieces ?? 0} pieces, ${made.toFixed(1)} s of audio made, ${speech.stats?.failures ?? 0} fell back to the tone`);
  if (made > 0) {
    // Child CPU covers the serial run only; pieces made there are about REPLIES / (REPLIES + parallel) of the total.
    const serialShare = REPLIES / (REPLIES + speech.parallel.n);
    console.log(`  synthesiser processes: ${((speech.childCpu / (made * serialShare)) * 1000).toFixed(1)} ms CPU per audio second (${speech.engine})`);
  }
  console.log(`  engine process: ${((speech.ownCpuS / speech.audioS) * 1000).toFixed(1)} ms CPU per audio second streamed with speech, ${((tone.ownCpuS / tone.audioS) * 1000).toFixed(1)} ms with the tone`);
  console.log(`  load average at the end ${load()} (a loaded machine delays every synthesiser process start)`);
  console.log(`  audio per reply: ${(speech.audioS / REPLIES).toFixed(2)} s speech, ${(tone.audioS / REPLIES).toFixed(2)} s tone`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
