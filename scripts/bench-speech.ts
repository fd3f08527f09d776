/**
 * `npm run bench:speech` (also run by `npm run bench`): the local engine's speech recognition.
 *  1. Hint latency: a Node client streams a flite fixture ("That's a good question. Let me
 *     check the numbers.") in real time to an engine; the app's own trigger matcher fires on
 *     the transcription deltas and sends the hint's response.create as the page does. Measured
 *     from the END of the spoken trigger word to the first hint audio delta, p50/p95 over
 *     `--runs=N` (default 20) fresh sessions. Target p95 < 400 ms.
 *  2. Recogniser cost: CPU seconds per audio second (decoder time in the workers, and the
 *     whole process's CPU), and model load time.
 *  3. Concurrency: `--levels=1,2,4,6` sessions speaking at once in real time; a level holds
 *     when the final transcript follows the end of speech within 1 s at p95.
 *  4. Hit rate of the e2e fixtures: each spoken line in 12 variants (level, noise, phase)
 *     through the browser's path (16 -> 48 -> 24 kHz) at 4x speed; hit when the phrase
 *     reaches the matcher (deltas, or deltas + completed text).
 * Prints the machine's load average beside the figures: other work on the 2 cores shows.
 */
import { loadavg } from 'node:os';
import { hintAssistant } from '../agents/hint-assistant';
import { recognitionModel } from '../lib/engine/speech/recognition/availability';
import { PocketsphinxRecognizer, type Recognizer } from '../lib/engine/speech/recognition/recognizer';
import { concatPcm, FLITE_RATE, fliteAvailable, resampleClip, silence } from '../lib/engine/speech/recognition/test-support/flite-fixture';
import { SPOKEN, spokenClip, voicedEndMs } from '../lib/engine/speech/recognition/test-support/spoken-lines';
import { startEngine } from '../lib/engine/server';
import { mintEngineToken } from '../lib/engine/token';
import { normalizeText } from '../lib/live/hints/normalize';
import { buildRealtimeSessionBody } from '../lib/server/model-access/session-config';
import { row, summarize } from './bench-stats';
import { runSpokenSession } from './bench-speech-client';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(opt('runs', '20'));
const LEVELS = opt('levels', '1,2,4,6').split(',').map(Number);
const SECRET = 'bench-speech-secret-not-for-production';
const SESSION = buildRealtimeSessionBody(hintAssistant);
const RATE = 24_000;
const ONLY = opt('only', 'all');
const VERBOSE = args.includes('--verbose');

const made: Recognizer[] = [];
const model = recognitionModel();

function browserPath(pcm16k: Int16Array): Int16Array {
  return resampleClip(resampleClip(pcm16k, FLITE_RATE, 48_000), 48_000, RATE);
}

/** The trigger line `times` times with pauses, and where each trigger word ends (ms into the clip). */
function triggerFixture(times: number): { pcm: Int16Array; ends: number[] } {
  const said = spokenClip([{ silenceMs: 300 }, { say: "That's a good question." }], RATE);
  const end = voicedEndMs(said, RATE);
  const head = said.subarray(0, Math.round(((end + 80) * RATE) / 1000));
  const once = concatPcm(head, spokenClip([{ say: 'Let me check the numbers.' }, { silenceMs: 1500 }], RATE));
  const lead = silence(1500, RATE);
  const onceMs = (once.length * 1000) / RATE;
  return { pcm: concatPcm(lead, ...Array.from({ length: times }, () => once)), ends: Array.from({ length: times }, (_, k) => 1500 + k * onceMs + end) };
}

/** True CPU of decoding (this process is otherwise idle meanwhile): CPU s per audio s, offline at full speed. */
async function decodeCpuPerAudioSecond(): Promise<{ ratio: number; audioS: number }> {
  const r = new PocketsphinxRecognizer({ modelDir: model.ok ? model.modelDir : '' });
  r.prepare();
  r.begin(() => undefined);
  r.audio(silence(100, FLITE_RATE));
  await r.end(); // the model is loaded
  const clip = spokenClip(Object.values(SPOKEN).flatMap((l) => [{ say: l.text }, { silenceMs: 300 }]), FLITE_RATE);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 3; i++) {
    r.begin(() => undefined);
    for (let at = 0; at < clip.length; at += 1600) r.audio(clip.subarray(at, at + 1600));
    await r.end();
  }
  const cpu = process.cpuUsage(cpu0);
  r.close();
  const audioS = (3 * clip.length) / FLITE_RATE;
  return { ratio: (cpu.user + cpu.system) / 1e6 / audioS, audioS };
}

async function main(): Promise<void> {
  if (!model.ok || !fliteAvailable()) {
    console.log(`bench:speech skipped: ${model.ok ? 'flite is not installed (apt-get install flite)' : model.message}`);
    return;
  }
  const engine = await startEngine({
    secret: SECRET,
    port: 0,
    paceFactor: 4,
    limits: { maxSessions: 64 },
    recognition: () => {
      const r = new PocketsphinxRecognizer({ modelDir: model.modelDir });
      made.push(r);
      return r;
    },
  });
  const token = () => mintEngineToken({ secret: SECRET, agentId: 'hint-assistant', ttlSeconds: 600, session: SESSION }).value;
  console.log(`bench:speech (pocketsphinx via koffi, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on 2 cores)`);

  if (ONLY === 'all' || ONLY === 'perf') await perf(engine.url, token);
  if (ONLY === 'all' || ONLY === 'hits') await hitRates(engine.url, token);
  await engine.close();
  for (const r of made) r.close();
}

async function perf(url: string, token: () => string): Promise<void> {
  // 1. Cost: true CPU per audio second, before anything else runs here.
  const cost = await decodeCpuPerAudioSecond();
  console.log(`recogniser CPU ${cost.ratio.toFixed(3)} s per audio s (offline decode of ${cost.audioS.toFixed(1)} s of flite speech, process CPU)`);

  // 2. Latency: warm sessions (the first utterance of each also pays the model load; reported apart).
  const perSession = 6;
  const { pcm, ends } = triggerFixture(perSession);
  const warm: number[] = [];
  const first: number[] = [];
  const fireLatency: number[] = [];
  let misses = 0;
  let fromCompleted = 0;
  for (let s = 0; warm.length + misses < RUNS; s++) {
    const run = await runSpokenSession(url, token(), pcm, { utterances: perSession * 2 });
    ends.forEach((endMs, k) => {
      const end = run.startedAt + endMs;
      const next = k + 1 < ends.length ? run.startedAt + (ends[k + 1] ?? 0) - 500 : Number.POSITIVE_INFINITY;
      const f = run.fires.find((x) => x.at >= end - 500 && x.at < next);
      if (k === 0) return void (f?.audioAt != null && first.push(f.audioAt - end));
      if (!f || f.audioAt === null) return void (misses += 1);
      if (f.on === 'completed') fromCompleted += 1;
      warm.push(f.audioAt - end);
      fireLatency.push(f.at - end);
    });
  }
  console.log(row('trigger word end -> matcher fired', summarize(fireLatency)));
  console.log(row('trigger word end -> first hint audio delta', summarize(warm), 'target p95 < 400 ms'));
  console.log(row('  same, first utterance of a fresh session', summarize(first)));
  console.log(`  ${warm.length + misses} warm runs: ${misses} missed, ${fromCompleted} fired only on the completed text`);
  const loads = made.map((r) => r.stats().initMs ?? Number.NaN).filter(Number.isFinite);
  console.log(row('model load (worker start -> ready)', summarize(loads)));

  // 3. Concurrency.
  const speech = browserPath(concatPcm(silence(1000, FLITE_RATE), spokenClip(Array.from({ length: 4 }, () => [{ say: SPOKEN.answer.text }, { silenceMs: 900 }]).flat(), FLITE_RATE)));
  for (const n of LEVELS) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: n }, () => runSpokenSession(url, token(), speech, { hint: false, utterances: 4 })));
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const lags = summarize(runs.flatMap((r) => r.finalLagMs));
    const heard = runs.reduce((k, r) => k + r.completed.length, 0);
    const holds = lags.p95 < 1000 && heard >= n * 4;
    console.log(
      `${String(n).padStart(2)} sessions at once: end of speech -> final transcript p50 ${lags.p50.toFixed(0)} ms, p95 ${lags.p95.toFixed(0)} ms; ` +
        `${heard}/${n * 4} utterances; process CPU ${(((cpu.user + cpu.system) / 1e6 / wallS) * 100).toFixed(0)}% of a core -> ${holds ? 'holds real time' : 'FALLS BEHIND'}`,
    );
  }

}

async function hitRates(url: string, token: () => string): Promise<void> {
  // 4. Fixture hit rate.
  const variants = 12;
  for (const line of Object.values(SPOKEN)) {
    // One session per line, its variants one utterance each (1.2 s apart): one model load per line.
    const clips = Array.from({ length: variants }, (_, v) => {
      const gain = [1, 0.6, 0.35][v % 3] ?? 1;
      const noise = [0, 60, 150][Math.floor(v / 3) % 3] ?? 0;
      let seed = v + 1;
      const said = browserPath(concatPcm(silence(600 + v * 7, FLITE_RATE), spokenClip([{ say: line.text }, { silenceMs: 1200 }], FLITE_RATE)));
      return said.map((x) => {
        seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
        return Math.max(-32768, Math.min(32767, Math.round(x * gain + ((seed / 0x7fffffff) * 2 - 1) * noise)));
      });
    });
    const run = await runSpokenSession(url, token(), concatPcm(...clips), { speed: 4, hint: false, utterances: variants, maxWaitMs: 60_000 });
    const want = normalizeText(line.phrase);
    const items = [...run.byItem.values()];
    const deltaHits = items.filter((u) => normalizeText(u.deltas).includes(want)).length;
    const anyHits = items.filter((u) => normalizeText(u.deltas).includes(want) || normalizeText(u.completed ?? '').includes(want)).length;
    if (VERBOSE) for (const u of items) console.log(`  deltas "${u.deltas}" completed ${JSON.stringify(u.completed)}`);
    console.log(`fixture "${line.text}" -> "${line.phrase}": ${items.length} utterances for ${variants} variants; deltas ${deltaHits}/${variants}, deltas or completed ${anyHits}/${variants}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
