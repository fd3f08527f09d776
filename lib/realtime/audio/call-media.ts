import type { SessionAudio } from './session-audio';
import { isMediaStream, type InputChoice, type WebrtcInput } from './media-input';
import type { RealtimeStore } from '../store/store';
import { onTabEnded, TAB_AUDIO_MESSAGES, type Mixer, type TabAudioResult } from './tab-audio';

export type CallMediaDeps = {
  store: RealtimeStore;
  audio: SessionAudio;
  openTabAudio: () => Promise<TabAudioResult>;
  mixStreams: (streams: MediaStream[]) => Mixer;
};

/** What the WebSocket capture records: a source (the mic, or a given stream) plus streams mixed in. */
export type CaptureSources = { source: 'mic' | MediaStream | null; extra: MediaStream[] };

/**
 * The input streams of one call: opened once (the tab picker inside the Connect click, the mic
 * for WebRTC), reused by every reconnect of the call, released when the call ends.
 */
export class CallMedia {
  readonly input: InputChoice;
  readonly #deps: CallMediaDeps;
  readonly #tabRequest: Promise<TabAudioResult> | null;
  #tabDone = false;
  #tab: MediaStream | null = null;
  #offTabEnded: (() => void) | null = null;
  #rtc: WebrtcInput | null = null;
  #mixer: Mixer | null = null;
  #released = false;

  /** Call synchronously inside the user's click: the share picker needs the gesture. */
  constructor(input: InputChoice, deps: CallMediaDeps) {
    this.input = input;
    this.#deps = deps;
    this.#tabRequest = input === 'mic+tab' ? deps.openTabAudio() : null;
    deps.store.getState().actions.setInput({ source: input === 'none' ? 'none' : 'mic', tabIssue: null });
  }

  /** The shared tab's audio once the user answered the picker; null when not asked, declined or silent. */
  async tab(): Promise<MediaStream | null> {
    if (this.#tabDone || !this.#tabRequest) return this.#tab;
    const result = await this.#tabRequest;
    if (this.#tabDone) return this.#tab;
    this.#tabDone = true;
    const actions = this.#deps.store.getState().actions;
    if (this.#released) {
      if (result.ok) result.stream.getTracks().forEach((t) => t.stop());
      return null;
    }
    if (!result.ok) {
      actions.setInput({ source: 'mic', tabIssue: result.issue });
      actions.note('input.tab_audio', { shared: false, issue: result.issue, detail: result.detail ?? null, message: TAB_AUDIO_MESSAGES[result.issue] });
      return null;
    }
    this.#tab = result.stream;
    this.#offTabEnded = onTabEnded(result.stream, () => {
      if (this.#released) return;
      actions.setInput({ source: 'mic', tabIssue: 'ended' });
      actions.note('input.tab_audio', { shared: false, issue: 'ended', message: TAB_AUDIO_MESSAGES.ended });
    });
    actions.setInput({ source: 'mic+tab', tabIssue: null });
    actions.note('input.tab_audio', { shared: true });
    return this.#tab;
  }

  /** The stream WebRTC sends (mic, or mic mixed with the tab) and the one the level meter reads. */
  async webrtc(): Promise<{ stream: MediaStream; meter: MediaStream | null }> {
    if (!this.#rtc) {
      const tab = await this.tab();
      const base = this.input === 'mic+tab' ? 'mic' : this.input;
      const rtc = await this.#deps.audio.webrtcInput(base);
      if (this.#released) {
        if (rtc.owned) rtc.stream.getTracks().forEach((t) => t.stop());
        return { stream: rtc.stream, meter: null };
      }
      this.#rtc = rtc;
      if (tab) this.#mixer = this.#deps.mixStreams(rtc.mic ? [rtc.stream, tab] : [tab]);
    }
    const rtc = this.#rtc;
    const stream = this.#mixer?.stream ?? rtc.stream;
    return { stream, meter: rtc.mic || this.#mixer ? stream : null };
  }

  /** What the WebSocket capture records. */
  async websocket(): Promise<CaptureSources> {
    if (this.input === 'none') return { source: null, extra: [] };
    if (isMediaStream(this.input)) return { source: this.input, extra: [] };
    const tab = await this.tab();
    return { source: 'mic', extra: tab ? [tab] : [] };
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#offTabEnded?.();
    this.#mixer?.close();
    if (this.#rtc?.owned) this.#rtc.stream.getTracks().forEach((t) => t.stop());
    this.#tab?.getTracks().forEach((t) => t.stop());
    this.#mixer = null;
    this.#rtc = null;
    this.#tab = null;
  }
}
