/**
 * One spoken session for `scripts/bench-speech.ts`: a raw WebSocket client that streams a
 * PCM16 24 kHz clip in 20 ms frames (in real time, or faster), feeds the transcription
 * deltas and completed text to the app's own trigger matcher (lib/live/hints), and on a
 * trigger sends the hint's out-of-band response.create built by the app's buildHintResponse,
 * as the /live page does. Records when things happened (performance.now() ms).
 */
import WebSocket from 'ws';
import { buildHintResponse, inputMessage } from '../lib/live/hints/hint-request';
import { createTriggerMatcher } from '../lib/live/hints/trigger-matcher';
import { cloneDefaultSettings } from '../lib/live/settings/defaults';

export type Fire = { at: number; on: 'delta' | 'completed'; requestId: string; audioAt: number | null };

export type SpokenRun = {
  startedAt: number;
  /** Each time the matcher fired (at most once per utterance), and when that hint's first audio delta came. */
  fires: Fire[];
  deltas: string;
  completed: string[];
  /** Per utterance (transcription item): its deltas and completed text. */
  byItem: Map<string, { deltas: string; completed: string | null }>;
  /** speech_stopped -> transcription completed, per utterance, ms. */
  finalLagMs: number[];
};

const FRAME_MS = 20;
const FRAME_SAMPLES = 480;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type RunOptions = { speed?: number; hint?: boolean; /** Wait after the audio until this many transcripts completed (or `maxWaitMs`). */ utterances?: number; maxWaitMs?: number };

export async function runSpokenSession(url: string, token: string, pcm: Int16Array, { speed = 1, hint = true, utterances = 1, maxWaitMs = 20_000 }: RunOptions = {}): Promise<SpokenRun> {
  const settings = { ...cloneDefaultSettings(), cooldownSeconds: 0 };
  const matcher = createTriggerMatcher(settings);
  const ws = new WebSocket(url, ['realtime', `openai-insecure-api-key.${token}`]);
  const run: SpokenRun = { startedAt: 0, fires: [], deltas: '', completed: [], finalLagMs: [], byItem: new Map() };
  const item = (id: string) => {
    let u = run.byItem.get(id);
    if (!u) run.byItem.set(id, (u = { deltas: '', completed: null }));
    return u;
  };
  const live = new Map<string, string>();
  const stoppedAt = new Map<string, number>();
  const byResponse = new Map<string, Fire>();
  const byRequest = new Map<string, Fire>();
  const fire = (result: ReturnType<typeof matcher.feedDelta>, itemId: string, on: 'delta' | 'completed') => {
    if (!result || !('fired' in result)) return;
    const f: Fire = { at: performance.now(), on, requestId: `bench-${run.fires.length}`, audioAt: null };
    run.fires.push(f);
    if (!hint) return;
    byRequest.set(f.requestId, f);
    const { action, phrase } = result.fired;
    const response = buildHintResponse({ kind: action, settings, messages: [inputMessage('user', live.get(itemId) ?? '')], trigger: phrase ?? 'button', requestId: f.requestId });
    ws.send(JSON.stringify({ type: 'response.create', response }));
  };
  ws.on('message', (data) => {
    const e = JSON.parse(String(data)) as Record<string, unknown> & { type: string };
    const itemId = String(e.item_id ?? '');
    if (e.type === 'conversation.item.input_audio_transcription.delta') {
      const delta = String(e.delta);
      live.set(itemId, (live.get(itemId) ?? '') + delta);
      run.deltas += delta;
      item(itemId).deltas += delta;
      fire(matcher.feedDelta(itemId, delta, performance.now()), itemId, 'delta');
    } else if (e.type === 'conversation.item.input_audio_transcription.completed') {
      run.completed.push(String(e.transcript));
      item(itemId).completed = String(e.transcript);
      const stopped = stoppedAt.get(itemId);
      if (stopped !== undefined) run.finalLagMs.push(performance.now() - stopped);
      fire(matcher.feedCompleted(itemId, String(e.transcript), performance.now()), itemId, 'completed');
    } else if (e.type === 'input_audio_buffer.speech_stopped') {
      stoppedAt.set(itemId, performance.now());
    } else if (e.type === 'response.created') {
      const r = e.response as { id: string; metadata?: Record<string, string> };
      const f = byRequest.get(r.metadata?.cue_request_id ?? '');
      if (f) byResponse.set(r.id, f);
    } else if (e.type === 'response.output_audio.delta') {
      const f = byResponse.get(String(e.response_id));
      if (f && f.audioAt === null) f.audioAt = performance.now();
    } else if (e.type === 'error') {
      console.error(`[bench-speech] engine error: ${JSON.stringify(e.error)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  run.startedAt = performance.now();
  for (let i = 0, frame = 0; i < pcm.length; i += FRAME_SAMPLES, frame++) {
    const chunk = pcm.subarray(i, i + FRAME_SAMPLES);
    ws.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('base64') }));
    const due = run.startedAt + ((frame + 1) * FRAME_MS) / speed;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const deadline = performance.now() + maxWaitMs;
  while (run.completed.length < utterances && performance.now() < deadline) await sleep(50);
  await sleep(hint ? 400 : 0); // the last hint's first audio
  ws.close();
  return run;
}
