import type { AudioCapture, AudioCaptureOptions } from './audio-capture';
import { toMicError } from './audio-capture';
import type { AudioOutput } from './audio-player';
import { clientError } from '../session/errors';
import { webrtcInput, type InputChoice, type WebrtcInput } from './media-input';
import { benchMark } from './bench-probe';
import type { RealtimeStore } from '../store/store';
import type { TransportKind } from '../store/types';

export type CaptureLike = Pick<AudioCapture, 'prepare' | 'start' | 'stop' | 'setMuted' | 'active' | 'addStream'>;

export type SessionAudioDeps = {
  store: RealtimeStore;
  createPlayer: () => AudioOutput;
  createCapture: (opts: AudioCaptureOptions) => CaptureLike;
  openMicrophone: () => Promise<MediaStream>;
  silentStream: () => MediaStream;
  audioElement?: () => HTMLAudioElement;
  /** The transport the live connection uses, or null when there is none. */
  liveKind: () => TransportKind | null;
  /** Send a captured chunk upstream (WebSocket only). */
  sendAudio: (pcm: ArrayBuffer) => void;
};

/** After an interrupt on WebRTC, the output element stays muted until the server confirms the clear (or this long). */
const WEBRTC_UNMUTE_FALLBACK_MS = 1500;

/**
 * The page's audio around a session: the player (WebSocket output), the capture (mic ->
 * PCM16 chunks on WebSocket, level meter on both), and the <audio> element WebRTC plays
 * through. Lives across connections; the controller decides when each part runs.
 */
export class SessionAudio {
  readonly #deps: SessionAudioDeps;
  #player: AudioOutput | null = null;
  #capture: CaptureLike | null = null;
  #element: HTMLAudioElement | null = null;
  #unmuteTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: SessionAudioDeps) {
    this.#deps = deps;
  }

  get #actions() {
    return this.#deps.store.getState().actions;
  }

  /** Call synchronously inside the Connect click: browsers only start audio from a user gesture. */
  prepare(input: InputChoice): AudioOutput {
    const player = this.player();
    player.unlock();
    if (input !== 'none') this.#ensureCapture().prepare();
    return player;
  }

  player(): AudioOutput {
    if (!this.#player) {
      const player = this.#deps.createPlayer();
      player.on('started', () => {
        if (this.#deps.liveKind() === 'websocket') this.#actions.setPlaying(true);
      });
      player.on('stopped', () => this.#actions.setPlaying(false));
      this.#player = player;
    }
    return this.#player;
  }

  element(): HTMLAudioElement {
    if (!this.#element) {
      this.#element = this.#deps.audioElement?.() ?? document.createElement('audio');
      this.#element.autoplay = true;
    }
    return this.#element;
  }

  /** The stream WebRTC sends (mic, given stream, or silence); a mic failure is shown, not fatal. */
  async webrtcInput(input: 'mic' | 'none' | MediaStream): Promise<WebrtcInput> {
    const result = await webrtcInput(input, this.#deps.openMicrophone, this.#deps.silentStream);
    if (result.micError) this.#actions.setError(clientError(result.micError.code, { detail: result.micError.message }));
    return result;
  }

  /**
   * Start the mic (or the given stream), mixing `extra` streams in (a shared tab). WebSocket
   * forwards its chunks; on WebRTC it only feeds the meter. A capture still running from
   * before a reconnect keeps running.
   */
  async startCapture(source: 'mic' | MediaStream, extra: readonly MediaStream[], isCurrent: () => boolean): Promise<void> {
    const capture = this.#ensureCapture();
    try {
      await capture.start(source === 'mic' ? undefined : source);
      if (!isCurrent()) return;
      for (const stream of extra) capture.addStream(stream);
      capture.setMuted(this.#deps.store.getState().muted);
      this.#actions.setMicActive(true);
    } catch (error) {
      if (!isCurrent()) return;
      const mic = toMicError(error);
      this.#actions.setError(clientError(mic.code, { detail: mic.message }));
    }
  }

  /** Silence the assistant locally, right now: flush the player, or mute WebRTC's element until the clear lands. */
  silence(kind: TransportKind): void {
    if (kind === 'websocket') {
      this.#player?.flush();
    } else if (this.#element) {
      this.#element.muted = true;
      clearTimeout(this.#unmuteTimer);
      this.#unmuteTimer = setTimeout(() => this.unmuteOutput(), WEBRTC_UNMUTE_FALLBACK_MS);
    }
    benchMark('playback-silent');
    this.#actions.setPlaying(false);
  }

  unmuteOutput(): void {
    clearTimeout(this.#unmuteTimer);
    this.#unmuteTimer = undefined;
    if (this.#element) this.#element.muted = false;
  }

  setMuted(muted: boolean): void {
    this.#capture?.setMuted(muted);
  }

  /** A connection ended but the call goes on (reconnecting): silence playback, keep capturing. */
  suspend(): void {
    this.#player?.flush();
    this.unmuteOutput();
  }

  /** End of a call: stop capturing, silence playback. */
  stop(): void {
    this.#capture?.stop();
    this.#player?.flush();
    this.unmuteOutput();
  }

  /** Page unmount: also release the playback context. */
  close(): void {
    this.stop();
    this.#player?.close();
    this.#player = null;
  }

  #ensureCapture(): CaptureLike {
    this.#capture ??= this.#deps.createCapture({
      onChunk: (pcm) => {
        if (this.#deps.liveKind() === 'websocket') this.#deps.sendAudio(pcm);
      },
      // Speech RMS sits around 0.02-0.2; scale so a normal voice fills most of the meter.
      onLevel: (rms) => this.#actions.setInputLevel(Math.round(Math.min(1, rms * 4) * 100) / 100),
      onEnded: () => {
        this.#actions.setMicActive(false);
        this.#actions.setError(clientError('mic_unavailable', { detail: 'the microphone stopped' }));
      },
    });
    return this.#capture;
  }
}
