import { CHUNK_MS } from './audio-synth';
import type { ItemMeta } from './conversation';
import type { ResponsePlan } from './response-plan';
import { encodeFrame, formatRate } from './speech/synthesis/output-format';
import { type SpokenPiece, SpokenReply } from './speech/synthesis/spoken-reply';
import type { Synthesizer } from './speech/synthesis/synthesizer';
import { voiceGender } from './speech/synthesis/voices';

/**
 * A reply message's speech, streamed: piece by piece (each synthesised while the one
 * before streams), in ~100 ms frames at the output format, paced by the runner. A
 * piece's transcript words go out spread over its frames, and where they fall in the
 * audio is recorded (truncation keeps the words heard by `audio_end_ms`). A piece made
 * too late (a loaded machine) is bridged with silence, so the client never runs dry
 * mid-reply and takes the reply for finished.
 */
/** Below this much queued audio at the client, a late piece is bridged with silence. */
const LOW_WATER_MS = 200;

export type SpeechFlight = { text: string; streamedMs: number; reply: SpokenReply | null };

export type SpeechStreamHost = {
  plan: ResponsePlan;
  /** The item's engine facts (null out of band): streamed ms and the spoken timeline go here. */
  meta: ItemMeta | null;
  synthesizer: Synthesizer | null;
  onFallback(error: unknown): void;
  active(): boolean;
  /** ms of pacing per 100 ms of audio (0: as fast as the event loop allows). */
  interval: number;
  say(words: readonly string[]): void;
  sendFrame(base64: string): void;
  sleep(ms: number): Promise<void>;
  unlessStopped<T>(promise: Promise<T>): Promise<T | null>;
};

export async function streamSpeech(flight: SpeechFlight, host: SpeechStreamHost): Promise<void> {
  const { format, voice, speed } = host.plan;
  const rate = formatRate(format);
  const frameSamples = Math.round((rate * CHUNK_MS) / 1000);
  const reply = new SpokenReply(flight.text, { synth: host.synthesizer, gender: voiceGender(voice), speed, rate, onFallback: host.onFallback });
  flight.reply = reply;
  const { meta } = host;
  if (meta) meta.spoken = [];
  let wordsBefore = 0;
  let due = Date.now();
  let firstAudioAt: number | null = null;
  const silence = encodeFrame(new Int16Array(frameSamples), format);
  /** Audio the client still has to play, if it plays in real time from the first delta. */
  const queuedMs = () => (firstAudioAt === null ? Infinity : flight.streamedMs - (Date.now() - firstAudioAt));
  for (;;) {
    const next = reply.next();
    let piece: SpokenPiece | null | typeof GAP;
    // While the next piece is made, keep the client from running dry: 100 ms of silence when it is about to.
    for (;;) {
      piece = await host.unlessStopped(raceGap(next, queuedMs() - LOW_WATER_MS));
      if (piece !== GAP || !host.active()) break;
      host.sendFrame(silence);
      flight.streamedMs += CHUNK_MS;
      if (meta) meta.streamedMs = flight.streamedMs;
    }
    if (!piece || piece === GAP || !host.active()) return;
    const pieceMs = (piece.samples.length * 1000) / rate;
    meta?.spoken?.push({ startMs: flight.streamedMs, endMs: flight.streamedMs + pieceMs, wordsBefore, words: piece.words });
    wordsBefore += piece.words;
    const tokens = piece.text.split(' ');
    const frames = Math.max(1, Math.ceil(piece.samples.length / frameSamples));
    // A piece that took longer to make than the last one took to stream starts now, not in a burst.
    due = Math.max(due, Date.now());
    for (let f = 0, said = 0; f < frames; f++) {
      const upTo = Math.ceil((tokens.length * (f + 1)) / frames);
      host.say(tokens.slice(said, upTo));
      said = Math.max(said, upTo);
      const frame = piece.samples.subarray(f * frameSamples, (f + 1) * frameSamples);
      if (frame.length > 0) host.sendFrame(encodeFrame(frame, format));
      firstAudioAt ??= Date.now();
      flight.streamedMs += (frame.length * 1000) / rate;
      if (meta) meta.streamedMs = flight.streamedMs;
      due += (host.interval * frame.length) / frameSamples;
      await host.sleep(due - Date.now());
      if (!host.active()) return;
    }
  }
}

const GAP = Symbol('gap');

/** `promise`, or GAP after `ms` if it is not settled by then (no timer for an infinite wait). */
function raceGap<T>(promise: Promise<T>, ms: number): Promise<T | typeof GAP> {
  if (!Number.isFinite(ms)) return promise;
  let timer: NodeJS.Timeout | undefined;
  const gap = new Promise<typeof GAP>((resolve) => {
    timer = setTimeout(() => resolve(GAP), Math.max(0, ms));
  });
  return Promise.race([promise, gap]).finally(() => clearTimeout(timer));
}
