/**
 * `npm run bench:phone` (also in `npm run bench`): N concurrent simulated phone calls through
 * the gateway (POST /twiml, signed /call, the SDK's Twilio transport, a server-side
 * RealtimeSession per call) against the local engine, three processes like production: the
 * engine (child), the gateway (child, in-memory call log) and the fake Twilio callers (this
 * process). Every call streams 160-byte mu-law frames every 20 ms, plays the agent's audio in
 * real time (marks echoed), and speaks (a tone the engine's VAD hears) so the agent answers
 * (engine: tone synthesis, no recognition: protocol load, not speech): by default in turns, the
 * caller waiting for each answer and cutting in on every third (`--pattern=barge`: every 4 s
 * whatever the agent is doing, so nearly every answer is cut off and sent for nothing).
 * Prints:
 *  - outbound (agent) frames late: arrived after the caller's player ran dry mid-reply, % of all;
 *  - inbound frames the callers sent more than 10 ms after their slot (this process's load);
 *  - how far behind real time the gateway handled inbound frames (read time against the frame's
 *    timestamp; the callers' and the network's delay and any queueing included): a gateway that
 *    cannot keep up shows here, however cheap each frame is;
 *  - the gateway's own added latency per frame, p50/p95/max, each way: outbound = engine
 *    message received -> Twilio frame written (the transport and gate, synchronous);
 *    inbound = Twilio frame received -> audio appended to the engine socket; and the
 *    gateway's event-loop delay p95/p99 (queueing any frame can add on top);
 *  - load average before and after, protocol errors, calls that failed.
 * Options: `--calls=200`, `--seconds=30`, `--pattern=turns|barge`, `--batch-ms=40` (CUE_PHONE_INPUT_BATCH_MS for the gateway); CUE_BENCH_PROFILE_DIR=<dir> profiles the engine and the gateway. Targets: < 1 % late, gateway p95 < 2 ms.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { phoneReceptionist } from '../agents/phone-receptionist';
import { startEngine } from '../lib/engine/server';
import { parseEnv } from '../lib/server/env-schema';
import { phoneRealtimeAccess } from '../lib/server/model-access/phone-realtime';
import { builtinPhoneAgentSource } from '../lib/server/phone/agent-source';
import { createPhoneGateway } from '../lib/server/phone/gateway';
import { FakeTwilioCall, parseStreamTwiml, postVoiceWebhook } from '../lib/server/phone/test-support/fake-twilio';
import { memoryStore } from '../lib/server/phone/test-support/phone-harness';
import { answerVoiceWebhook } from '../lib/server/phone/voice-webhook';
import { fmt, summarize } from './bench-stats';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SECRET = 'bench-phone-engine-secret';
const TOKEN = 'bench-phone-auth-token';
const self = fileURLToPath(import.meta.url);
/** `turns` (default): callers wait for the agent's answer, cutting in on every third; `barge`: they speak every 4 s regardless. */
const PATTERN = args.pattern === 'barge' ? 'barge' : 'turns';
/** Calls arrive over this long (20 a second at 200 calls). */
const RAMP_MS = 10_000;

type GatewayReport = { batchMs: number; outbound: number[]; inbound: number[]; lag: number[]; held: number[]; loopP95: number; loopP99: number; calls: number; badInputs: number; cpuMs: number; endReasons: Record<string, number>; errors: string[] };

function spawnRole(role: string, env: Record<string, string>): Promise<{ child: ChildProcess; msg: Record<string, unknown> }> {
  // CUE_BENCH_PROFILE_DIR=<dir>: the engine and the gateway write V8 CPU profiles there, named for their role (open them in Chrome DevTools).
  const dir = process.env.CUE_BENCH_PROFILE_DIR;
  const profile = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}/${role}`] : [];
  const child = fork(self, [`--role=${role}`], { execArgv: ['--import', 'tsx', ...profile], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (msg) => resolve({ child, msg: msg as Record<string, unknown> }));
    child.once('exit', (code) => reject(new Error(`${role} exited (${code})`)));
  });
}

async function engineRole(): Promise<void> {
  const engine = await startEngine({ secret: SECRET, port: 0, paceFactor: 4, synthesis: 'tone', recognition: null, limits: { maxSessions: 1000 } });
  process.send?.({ url: engine.url });
  process.on('message', (m) => {
    if ((m as { cmd?: string }).cmd !== 'report') return;
    const cpu = process.cpuUsage();
    process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000 });
  });
  process.on('disconnect', () => void engine.close().then(() => process.exit(0)));
}

async function gatewayRole(): Promise<void> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = parseEnv({ CUE_ENGINE_URL: String(process.env.BENCH_ENGINE_URL), CUE_ENGINE_SECRET: SECRET, CUE_REALTIME_BACKEND: 'local', CUE_PUBLIC_URL: appUrl, TWILIO_AUTH_TOKEN: TOKEN, CUE_PHONE_MAX_CALLS: '2000', ...(process.env.BENCH_BATCH_MS ? { CUE_PHONE_INPUT_BATCH_MS: process.env.BENCH_BATCH_MS } : {}) });
  const agents = builtinPhoneAgentSource([{ ...phoneReceptionist, greeting: 'Hello, thanks for calling the bench line. How can I help?' }]);
  const gateway = createPhoneGateway({
    env,
    deps: { agentSource: agents, store: memoryStore(), access: (cfg) => phoneRealtimeAccess(env, { agentId: cfg.id, model: cfg.model, maxCallSeconds: cfg.maxCallSeconds }), twilio: null, log: (line) => (errors.length < 2000 ? errors.push(line) : 0) },
  });
  const outbound: number[] = [];
  const inbound: number[] = [];
  const lag: number[] = [];
  const held: number[] = [];
  let calls = 0;
  let badInputs = 0;
  const endReasons: Record<string, number> = {};
  const errors: string[] = [];
  const seen = new WeakSet<object>();
  const collect = setInterval(() => {
    for (const call of gateway.calls) {
      if (!seen.has(call)) {
        seen.add(call);
        calls += 1;
        void call.done.then(() => {
          outbound.push(...call.gate.outboundLatencyMs);
          inbound.push(...call.gate.inboundLatencyMs);
          lag.push(...call.gate.inboundLagMs);
          held.push(...call.gate.inboundHeldMs);
          badInputs += call.gate.stats.badInputs;
          endReasons[call.endReason] = (endReasons[call.endReason] ?? 0) + 1;
        });
      }
    }
  }, 200);
  server.on('request', (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const sig = req.headers['x-twilio-signature'];
      void answerVoiceWebhook({ env, signature: typeof sig === 'string' ? sig : null, params: Object.fromEntries(new URLSearchParams(body)), agentSource: agents, log: () => undefined }).then((a) => res.writeHead(a.status).end(a.body));
    });
  });
  server.on('upgrade', (req, socket, head) => (gateway.handles(req) ? gateway.handleUpgrade(req, socket, head) : socket.destroy()));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  process.on('message', (m) => {
    if ((m as { cmd?: string }).cmd === 'arm') loop.enable();
    if ((m as { cmd?: string }).cmd === 'report') {
      loop.disable();
      void gateway.close().then(() => {
        clearInterval(collect);
        setTimeout(() => {
          const cpu = process.cpuUsage();
          const report: GatewayReport = { batchMs: env.CUE_PHONE_INPUT_BATCH_MS, outbound, inbound, lag, held, loopP95: loop.percentile(95) / 1e6, loopP99: loop.percentile(99) / 1e6, calls, badInputs, cpuMs: (cpu.user + cpu.system) / 1000, endReasons, errors: errors.filter((l) => l.includes('failed')).slice(0, 5) };
          process.send?.(report, () => process.exit(0));
        }, 500);
      });
    }
  });
  process.send?.({ appUrl });
}

async function oneCall(appUrl: string, seconds: number, i: number): Promise<FakeTwilioCall | Error> {
  try {
    const answer = await postVoiceWebhook({ appUrl, publicBase: appUrl, authToken: TOKEN, params: { CallSid: `CA${i}`, From: `+1415555${String(i).padStart(4, '0')}`, To: '+18005550100' } });
    if (answer.status !== 200) return new Error(`webhook HTTP ${answer.status}`);
    const call = await FakeTwilioCall.connect(parseStreamTwiml(answer.body), { authToken: TOKEN });
    const end = Date.now() + seconds * 1000;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await sleep(3000 + (i % 10) * 100);
    if (PATTERN === 'barge') {
      // speak 1.2 s every 4 s whatever the agent is doing: nearly every reply is cut off (the worst case)
      while (Date.now() < end - 2000) {
        call.speak(1200);
        await sleep(4000);
      }
    } else {
      // a conversation: the caller speaks 1.2 s, the agent answers, the caller waits for the answer to play out
      // and speaks again; every third turn they cut in 1 s into the answer (barge-in)
      for (let turn = 1; Date.now() < end - 2000; turn++) {
        call.speak(1200);
        await sleep(1200);
        await call.until((c) => c.hearingReply, 5000, 'the answer').catch(() => undefined);
        if (turn % 3 === 0) await sleep(1000);
        else await call.until((c) => !c.hearingReply, Math.max(0, end - Date.now()), 'the answer to play').catch(() => undefined);
        await sleep(400 + (i % 5) * 100);
      }
    }
    await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now())));
    call.hangUp();
    return call;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function main(): Promise<void> {
  const calls = Number(args.calls ?? 200);
  const seconds = Number(args.seconds ?? 30);
  const before = loadavg();
  const engine = await spawnRole('engine', {});
  const gateway = await spawnRole('gateway', { BENCH_ENGINE_URL: String(engine.msg.url), ...(args['batch-ms'] ? { BENCH_BATCH_MS: args['batch-ms'] } : {}) });
  const appUrl = String(gateway.msg.appUrl);
  console.log(`bench:phone: ${calls} concurrent calls for ${seconds} s, callers speaking in ${PATTERN === 'turns' ? 'turns (barge-in every third)' : 'barge-in every 4 s'} (engine, gateway and callers in 3 processes; load average ${before.map((l) => l.toFixed(2)).join(' ')})`);
  gateway.child.send({ cmd: 'arm' });
  const callerLoop = monitorEventLoopDelay({ resolution: 10 });
  callerLoop.enable();
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: calls }, (_, i) => new Promise<FakeTwilioCall | Error>((r) => setTimeout(() => void oneCall(appUrl, seconds, i).then(r), (i * RAMP_MS) / calls))));
  const during = loadavg();
  callerLoop.disable();
  const callsEndedAt = Date.now();
  const report = await new Promise<GatewayReport>((resolve) => {
    gateway.child.once('message', (m) => resolve(m as GatewayReport));
    gateway.child.send({ cmd: 'report' });
  });
  const engineCpuMs = await new Promise<number>((resolve) => {
    engine.child.once('message', (m) => resolve(Number((m as { cpuMs: number }).cpuMs)));
    engine.child.send({ cmd: 'report' });
  });
  engine.child.disconnect(); // the engine closes and exits (writing its profile when asked for one)
  const callerCpu = process.cpuUsage();
  const ok = results.filter((r): r is FakeTwilioCall => !(r instanceof Error));
  const failed = results.filter((r): r is Error => r instanceof Error);
  const sum = (f: (c: FakeTwilioCall) => number) => ok.reduce((s, c) => s + f(c), 0);
  const received = sum((c) => c.stats.mediaReceived);
  const late = sum((c) => c.stats.framesLate);
  const sent = sum((c) => c.stats.framesSent);
  const sentLate = sum((c) => c.stats.framesSentLate);
  const protocolErrors = sum((c) => c.protocolErrors.length);
  const out = summarize(report.outbound);
  const inn = summarize(report.inbound);
  const behind = summarize(report.lag);
  const lagOver = (ms: number) => report.lag.filter((l) => l > ms).length;
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)} %`);
  console.log(`  calls completed ${ok.length}/${calls}${failed.length ? ` (failed: ${[...new Set(failed.map((e) => e.message))].join('; ')})` : ''}; gateway saw ${report.calls}; the calls took ${((callsEndedAt - started) / 1000).toFixed(0)} s (ramp ${RAMP_MS / 1000} s + ${seconds} s), the gateway's report ${((Date.now() - callsEndedAt) / 1000).toFixed(1)} s`);
  console.log(`  outbound (agent) frames ${received}, late ${late} = ${pct(late, received)}   target < 1 %`);
  const sendLag = summarize(ok.flatMap((c) => c.sendLagMs));
  console.log(`  inbound (caller) frames ${sent}, sent > 10 ms late ${sentLate} = ${pct(sentLate, sent)} (the callers' own process: p50 ${fmt(sendLag.p50)}  p95 ${fmt(sendLag.p95)} behind; event-loop delay p95 ${fmt(callerLoop.percentile(95) / 1e6)})`);
  console.log(`  gateway added latency per frame, outbound: p50 ${fmt(out.p50)}  p95 ${fmt(out.p95)}  max ${fmt(out.max)}   target p95 < 2 ms`);
  console.log(`  gateway added latency per frame, inbound:  p50 ${fmt(inn.p50)}  p95 ${fmt(inn.p95)}  max ${fmt(inn.max)}`);
  const hold = summarize(report.held);
  console.log(`  inbound frames held to join the model's appends (CUE_PHONE_INPUT_BATCH_MS=${report.batchMs}): p50 ${fmt(hold.p50)}  p95 ${fmt(hold.p95)}  max ${fmt(hold.max)}`);
  console.log(`  inbound frames handled behind real time (caller + network + queueing): p50 ${fmt(behind.p50)}  p95 ${fmt(behind.p95)}  max ${fmt(behind.max)}; > 100 ms behind ${pct(lagOver(100), report.lag.length)}, > 500 ms ${pct(lagOver(500), report.lag.length)}`);
  console.log(`  gateway event-loop delay p95 ${fmt(report.loopP95)}  p99 ${fmt(report.loopP99)}; gateway CPU ${(report.cpuMs / 1000).toFixed(1)} s (${((100 * report.cpuMs) / (Date.now() - started)).toFixed(0)} % of a core)`);
  const elapsed = Date.now() - started;
  const greeted = ok.filter((c) => c.stats.mediaReceived >= 20).length;
  console.log(`  calls that heard at least 2 s of agent audio ${greeted}/${ok.length}; agent audio frames per call p50 ${summarize(ok.map((c) => c.stats.mediaReceived)).p50}`);
  console.log(`  CPU over the run (% of one core): engine ${((100 * engineCpuMs) / elapsed).toFixed(0)} %, gateway ${((100 * report.cpuMs) / elapsed).toFixed(0)} %, callers ${((100 * (callerCpu.user + callerCpu.system)) / 1000 / elapsed).toFixed(0)} %`);
  console.log(`  how the gateway's calls ended: ${JSON.stringify(report.endReasons)}${report.errors.length ? `; first failures: ${report.errors.join(' | ')}` : ''}`);
  console.log(`  protocol errors (what Twilio would reject) ${protocolErrors}; bad inputs logged ${report.badInputs}`);
  console.log(`  load average at start ${before.map((l) => l.toFixed(2)).join(' ')}, at the end of the calls ${during.map((l) => l.toFixed(2)).join(' ')}`);
  process.exit(0);
}

const role = args.role;
(role === 'engine' ? engineRole() : role === 'gateway' ? gatewayRole() : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
