import { AudioCapture, openMicrophone, silentStream } from '../audio/audio-capture';
import { AudioPlayer } from '../audio/audio-player';
import type { ResolvedDeps } from './connection';
import { loadRealtimeSdk } from './sdk-loader';
import { createSession, createTransport } from './session-factory';
import { mixStreams, openTabAudio } from '../audio/tab-audio';

/**
 * The store, the mint action and the agent lookup are the caller's (the core knows no agent);
 * everything else has a browser default (tests inject fakes).
 */
export type ControllerDeps = Pick<ResolvedDeps, 'store' | 'mint' | 'getAgentConfig'> & Partial<Omit<ResolvedDeps, 'store' | 'mint' | 'getAgentConfig'>>;

const DEFAULT_RECONNECT_DELAYS_MS = [250, 1000, 2000, 4000, 8000] as const;
/** OpenAI ends a realtime session after 60 minutes; roll over to a fresh one a little before. */
const DEFAULT_MAX_SESSION_MS = 55 * 60_000;

export function resolveControllerDeps(deps: ControllerDeps): ResolvedDeps {
  return {
    loadSdk: loadRealtimeSdk,
    createTransport,
    createSession,
    createPlayer: () => new AudioPlayer(),
    createCapture: (opts) => new AudioCapture(opts),
    openMicrophone: () => openMicrophone(),
    silentStream,
    openTabAudio: () => openTabAudio(),
    mixStreams: (streams) => mixStreams(streams),
    mintTimeoutMs: 15_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    connectTimeoutMs: 10_000,
    reconnectDelaysMs: DEFAULT_RECONNECT_DELAYS_MS,
    maxSessionMs: DEFAULT_MAX_SESSION_MS,
    now: Date.now,
    ...deps,
  };
}
