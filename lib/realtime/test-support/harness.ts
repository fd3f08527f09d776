import type { RealtimeTransportLayer } from '@openai/agents-realtime';
import { ScriptedRealtimeTransport } from '@openai/agents-realtime/testing';
import type { AudioCaptureOptions } from '../audio/audio-capture';
import type { AudioOutput, PlayerEvent } from '../audio/audio-player';
import { RealtimeController, type CaptureLike, type ControllerDeps, type MintResult } from '../session/controller';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { createRealtimeStore } from '../store/store';
import type { TransportPlan } from '../session/session-factory';
import { getAgentConfig } from '@/agents/registry';

/** Shared fakes for controller tests: a call-order log, a player, a capture, a transport. */

export class FakePlayer implements AudioOutput {
  enqueued: { bytes: number; responseId?: string }[] = [];
  playedMs = 0;
  isPlaying = false;
  #listeners = new Map<PlayerEvent, Set<() => void>>();
  constructor(private readonly order: string[]) {}
  unlock() {
    this.order.push('player.unlock');
  }
  enqueue(pcm: ArrayBuffer, responseId?: string) {
    this.enqueued.push({ bytes: pcm.byteLength, responseId });
    if (!this.isPlaying) this.#set(true);
  }
  flush() {
    this.order.push('player.flush');
    if (this.isPlaying) this.#set(false);
    return this.playedMs;
  }
  on(event: PlayerEvent, listener: () => void) {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }
  close() {
    this.order.push('player.close');
  }
  #set(playing: boolean) {
    this.isPlaying = playing;
    for (const l of this.#listeners.get(playing ? 'started' : 'stopped') ?? []) l();
  }
}

class FakeCapture implements CaptureLike {
  active = false;
  muted = false;
  startedWith: MediaStream | undefined | 'none' = 'none';
  added: MediaStream[] = [];
  starts = 0;
  failWith: unknown = null;
  constructor(readonly opts: AudioCaptureOptions) {}
  prepare() {}
  async start(stream?: MediaStream) {
    if (this.failWith) throw this.failWith;
    if (this.active) return;
    this.starts += 1;
    this.startedWith = stream;
    this.active = true;
  }
  addStream(stream: MediaStream) {
    if (!this.added.includes(stream)) this.added.push(stream);
  }
  stop() {
    this.active = false;
    this.added = [];
  }
  setMuted(muted: boolean) {
    this.muted = muted;
  }
}

/** A scripted transport that also writes interrupts into the shared order log. */
class OrderedTransport extends ScriptedRealtimeTransport {
  constructor(
    private readonly order: string[],
    private readonly describe: () => string = () => '',
  ) {
    super();
  }
  override interrupt(): void {
    this.order.push(`transport.interrupt${this.describe()}`);
    super.interrupt();
  }
}

export class HangingTransport extends ScriptedRealtimeTransport {
  override connect(): Promise<void> {
    this.status = 'connecting';
    return new Promise(() => undefined);
  }
}

export const localSecret: MintedSecret = {
  backend: 'local',
  clientSecret: 'ek_local_test',
  expiresAt: 1_900_000_000,
  agentId: 'practice-partner',
  model: 'gpt-realtime-2.1',
  voice: 'cedar',
  url: 'ws://127.0.0.1:8787/v1/realtime',
  sessionId: 'sess_1',
};

export const openaiSecret: MintedSecret = {
  backend: 'openai',
  clientSecret: 'ek_openai_test',
  expiresAt: 1_900_000_000,
  agentId: 'practice-partner',
  model: 'gpt-realtime-2.1',
  voice: 'cedar',
};

export function fakeStream(): MediaStream & { stopped: number } {
  const stream = { stopped: 0, getTracks: () => [{ stop: () => (stream.stopped += 1) }], getAudioTracks: () => [] };
  return stream as unknown as MediaStream & { stopped: number };
}


export function makeHarness(
  opts: {
    mint?: ControllerDeps['mint'];
    minted?: MintedSecret;
    transport?: (order: string[]) => RealtimeTransportLayer;
    deps?: Partial<ControllerDeps>;
  } = {},
) {
  const order: string[] = [];
  const store = createRealtimeStore();
  const player = new FakePlayer(order);
  const captures: FakeCapture[] = [];
  const plans: TransportPlan[] = [];
  const mintCalls: unknown[] = [];
  const audioElement = { muted: false, autoplay: false } as HTMLAudioElement;
  const transport = opts.transport?.(order) ?? new OrderedTransport(order, () => ` (element muted: ${audioElement.muted})`);
  const mic = fakeStream();
  const silent = fakeStream();
  const controller = new RealtimeController({
    store,
    getAgentConfig,
    mint:
      opts.mint ??
      (async (input): Promise<MintResult> => {
        mintCalls.push(input);
        return { ok: true, data: opts.minted ?? localSecret };
      }),
    createPlayer: () => player,
    createCapture: (o) => {
      const capture = new FakeCapture(o);
      captures.push(capture);
      return capture;
    },
    createTransport: (plan) => {
      plans.push(plan);
      return transport;
    },
    openMicrophone: async () => mic,
    silentStream: () => silent,
    audioElement: () => audioElement,
    openTabAudio: async () => ({ ok: false, issue: 'declined' }),
    mixStreams: (streams) => ({ stream: streams[0]!, close: () => order.push('mixer.close') }),
    mintTimeoutMs: 200,
    connectTimeoutMs: 200,
    reconnectDelaysMs: [],
    maxSessionMs: 0,
    ...opts.deps,
  });
  return { order, store, player, captures, plans, mintCalls, transport: transport as ScriptedRealtimeTransport, controller, audioElement, mic, silent };
}
