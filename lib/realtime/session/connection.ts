import type { RealtimeItem, RealtimeSession, RealtimeTransportLayer, TransportEvent } from '@openai/agents-realtime';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import type { AudioCaptureOptions } from '../audio/audio-capture';
import type { AudioOutput } from '../audio/audio-player';
import type { CallMedia, CaptureSources } from '../audio/call-media';
import { clientError, failureDetail } from './errors';
import { mintHonouringRetryAfter, validateMinted, type MintFn, type SessionOverrides } from './mint-step';
import type { OutOfBandTracker } from './out-of-band';
import type { CaptureLike, SessionAudio } from '../audio/session-audio';
import type { RealtimeSdk } from './sdk-loader';
import { bindSession } from './session-binding';
import type { SessionRecipe, ToolHandlers, TransportPlan } from './session-factory';
import type { RealtimeStore } from '../store/store';
import type { TabAudioResult, Mixer } from '../audio/tab-audio';
import { TimeoutError, withTimeout } from './timeout';
import type { RealtimeError, TransportKind } from '../store/types';
import type { InputChoice } from '../audio/media-input';

export type ConnectOptions = {
  agentId: string;
  /** Preferred transport for OpenAI (default WebRTC). The local engine always uses WebSocket. */
  transport?: TransportKind;
  toolHandlers?: ToolHandlers;
  /** Sent to the mint (model, voice, transcription keywords, tracing); the SDK session mirrors them. */
  overrides?: SessionOverrides;
  /** 'mic' (default), 'mic+tab' (mic mixed with a shared tab's audio), 'none' (text only), or a stream to send. */
  input?: InputChoice;
  /** Items to replay into the new session, e.g. `controller.lastHistory` after `connection_lost`. */
  restoreHistory?: readonly RealtimeItem[];
};

/** Every dependency the controller has, defaults filled in. */
export type ResolvedDeps = {
  store: RealtimeStore;
  mint: MintFn;
  /** The agent's config; may load on demand (a promise), like the SDK. */
  getAgentConfig: (id: string) => AgentConfig | undefined | Promise<AgentConfig | undefined>;
  /** The realtime SDK, loaded on demand (first Connect, or a prefetch while the page is read). */
  loadSdk: () => Promise<RealtimeSdk>;
  createTransport: (plan: TransportPlan, sdk: RealtimeSdk) => RealtimeTransportLayer;
  createSession: (recipe: SessionRecipe) => RealtimeSession;
  createPlayer: () => AudioOutput;
  createCapture: (opts: AudioCaptureOptions) => CaptureLike;
  openMicrophone: () => Promise<MediaStream>;
  silentStream: () => MediaStream;
  openTabAudio: () => Promise<TabAudioResult>;
  mixStreams: (streams: MediaStream[]) => Mixer;
  audioElement?: () => HTMLAudioElement;
  mintTimeoutMs: number;
  /** Waits (Retry-After): a timer by default, instant in tests. */
  sleep: (ms: number) => Promise<void>;
  connectTimeoutMs: number;
  /** Waits between automatic reconnect attempts after a drop; empty = never reconnect on its own. */
  reconnectDelaysMs: readonly number[];
  /** Start a fresh session (history carried over) after this long, before the service's own limit. */
  maxSessionMs: number;
  now: () => number;
};

/** One connection (a call may have several: reconnects). */
export type Live = {
  attempt: number;
  session: RealtimeSession;
  kind: TransportKind;
  detach: () => void;
  up: boolean;
  /** Items a restoring reconnect replays; history updates are held until they are back (or a timeout). */
  restoreCount: number;
};

export type EstablishEnv = {
  deps: ResolvedDeps;
  audio: SessionAudio;
  media: CallMedia;
  oob: OutOfBandTracker;
  stale: () => boolean;
  /** Make `live` the controller's connection before it connects, so its events count. */
  adopt: (live: Live) => void;
  isAdopted: (live: Live) => boolean;
  onServerEvent: (event: TransportEvent) => void;
  onLost: () => void;
  onSessionEnded: () => void;
  onOutputStopped: () => void;
};

/** `error: null` = a newer attempt took over; nothing to report. */
export type EstablishOutcome =
  | { ok: true; live: Live; capture: { source: 'mic' | MediaStream; extra: MediaStream[] } | null }
  | { ok: false; error: RealtimeError | null };

const STALE: EstablishOutcome = { ok: false, error: null };

function captureOf(sources: CaptureSources): { source: 'mic' | MediaStream; extra: MediaStream[] } | null {
  return sources.source ? { source: sources.source, extra: sources.extra } : null;
}

type SdkLoad = { ok: true; sdk: RealtimeSdk } | { ok: false; error: unknown };

/**
 * Mint, build the transport and session for the agent, bind them, connect. The caller owns
 * what happens after (status, capture, restore) and how a failure is reported. Throws only
 * for the unforeseen (a throwing SDK constructor); the caller turns that into words too.
 * The SDK chunk (with the mint's schema) loads alongside the mint; usually it is already
 * there, prefetched while the page was read.
 */
export async function establish(env: EstablishEnv, options: ConnectOptions, restoreCount: number): Promise<EstablishOutcome> {
  const { deps, audio, media } = env;
  const actions = deps.store.getState().actions;
  const sdkLoad: Promise<SdkLoad> = deps.loadSdk().then(
    (sdk) => ({ ok: true, sdk }),
    (error: unknown) => ({ ok: false, error }),
  );
  const found = deps.getAgentConfig(options.agentId);
  let config: AgentConfig | undefined;
  try {
    config = found instanceof Promise ? await found : found;
  } catch (error) {
    return env.stale() ? STALE : { ok: false, error: clientError('app_load_failed', { detail: failureDetail(error) }) };
  }
  if (env.stale()) return STALE;
  if (!config) return { ok: false, error: clientError('unknown_agent') };
  const player = audio.player();

  env.oob.sessionEnded();
  const minting = await mintHonouringRetryAfter(deps.mint, { agentId: options.agentId, transport: options.transport, overrides: options.overrides }, {
    timeoutMs: deps.mintTimeoutMs,
    now: deps.now,
    sleep: deps.sleep,
    stale: env.stale,
    onWait: (notice) => actions.setError(notice),
    backend: deps.store.getState().backend,
  });
  if (!minting || env.stale()) return STALE;
  if (!minting.ok) return { ok: false, error: minting.error };
  const loaded = await sdkLoad;
  if (env.stale()) return STALE;
  if (!loaded.ok) return { ok: false, error: clientError('app_load_failed', { detail: failureDetail(loaded.error) }) };
  const { sdk } = loaded;
  const minted = validateMinted(sdk.mintedSecretSchema, minting.data);
  if (!minted) return { ok: false, error: clientError('invalid_response') };
  const backend = minted.backend;
  const kind: TransportKind = backend === 'local' ? 'websocket' : (options.transport ?? 'webrtc');
  actions.setSessionInfo({ backend, model: minted.model, agentId: minted.agentId, transport: kind, tracing: minted.tracing === true });

  let plan: TransportPlan;
  let capture: { source: 'mic' | MediaStream; extra: MediaStream[] } | null;
  if (kind === 'websocket') {
    plan = { kind, playback: player, bargeIn: config.turnDetection.interruptResponse, isOutOfBandItem: (id) => env.oob.isOutOfBandItem(id), inProgress: env.oob };
    capture = captureOf(await media.websocket());
  } else {
    const rtc = await media.webrtc();
    plan = { kind, audioElement: audio.element(), mediaStream: rtc.stream, inProgress: env.oob };
    capture = rtc.meter ? { source: rtc.meter, extra: [] } : null;
  }
  if (env.stale()) return STALE;

  const transport = deps.createTransport(plan, sdk);
  const session = deps.createSession({
    sdk,
    config,
    model: minted.model,
    voice: minted.voice,
    transport,
    toolHandlers: options.toolHandlers,
    tracing: minted.tracing === true,
    transcriptionKeywords: options.overrides?.transcriptionKeywords,
  });
  const live: Live = { attempt: 0, session, kind, detach: () => undefined, up: false, restoreCount };
  env.adopt(live);
  live.detach = bindSession(session, transport, {
    store: deps.store,
    kind,
    player,
    oob: env.oob,
    isCurrent: () => env.isAdopted(live) && !env.stale(),
    onServerEvent: env.onServerEvent,
    onLost: env.onLost,
    onSessionEnded: env.onSessionEnded,
    onOutputStopped: env.onOutputStopped,
    holdHistory: (history) => {
      if (live.restoreCount === 0) return false;
      if (history.length < live.restoreCount) return true;
      live.restoreCount = 0;
      return false;
    },
    wasUp: () => live.up,
  });

  try {
    await withTimeout(session.connect({ apiKey: minted.clientSecret, url: minted.url }), deps.connectTimeoutMs);
  } catch (error) {
    if (env.stale()) return STALE;
    const seconds = Math.round(deps.connectTimeoutMs / 1000);
    return {
      ok: false,
      error:
        error instanceof TimeoutError
          ? clientError('connect_timeout', { backend, seconds })
          : clientError('connect_failed', { backend, detail: failureDetail(error) }),
    };
  }
  if (env.stale()) return STALE;
  live.up = true;
  return { ok: true, live, capture };
}
