import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import type { TabAudioIssue } from '@/lib/realtime/audio/tab-audio';
import type { ChannelState, ChannelTranscriber } from '@/lib/realtime/session/channel-transcriber';
import type { MintFn } from '@/lib/realtime/session/mint-step';
import type { RealtimeStore } from '@/lib/realtime/store/store';
import { themLine } from './transcript/channels';

/**
 * The live page's "them" channel: the meeting tab's audio in a transcription session of its own
 * (never mixed into the microphone), plus lines typed for them when rehearsing. Each final line
 * joins the hint session's conversation as context (no reply) with its channel marker, so the
 * transcript labels it and the hint agent knows the other side said it. Stops when the call ends.
 */

type Host = { sendText(text: string, options?: { triggerResponse?: boolean }): boolean };

type Deps = {
  host: Host;
  store: RealtimeStore;
  mint: MintFn;
  /** The listening agent (no responses of its own). */
  agentId: string;
  getAgentConfig: (id: string) => Promise<AgentConfig | undefined>;
  /** Test seam. The real one loads with the first share (the live page's first load stays within its budget). */
  transcriber?: (deps: ConstructorParameters<typeof ChannelTranscriber>[0]) => Transcriber | Promise<Transcriber>;
};

type Transcriber = Pick<ChannelTranscriber, 'start' | 'stop'>;

const loadTranscriber = (deps: ConstructorParameters<typeof ChannelTranscriber>[0]) =>
  import('@/lib/realtime/session/channel-transcriber').then((m) => new m.ChannelTranscriber(deps));

export type ThemState = ChannelState & { /** Lines heard on the tab that could not join the conversation (the call was reconnecting). */ dropped: number };

const TAB_REFUSED: Record<TabAudioIssue, string> = {
  declined: 'The meeting tab was not shared, so Cue hears only you.',
  no_audio: 'The shared tab or window has no audio (tick "Share tab audio" in the picker), so Cue hears only you.',
  failed: 'The meeting tab could not be shared, so Cue hears only you.',
};
const AGAIN = ' Share the tab again, or type what they say.';

const THEM_MESSAGES = {
  label: 'Their audio',
  tabEnded: `Tab sharing stopped: Cue no longer hears them.${AGAIN}`,
  tabRefused: (issue: TabAudioIssue) => TAB_REFUSED[issue] + AGAIN,
};

export class ThemChannel {
  readonly state: StoreApi<ThemState> = createStore<ThemState>(() => ({ status: 'off', message: null, dropped: 0 }));
  readonly #deps: Deps;
  #transcriber: Promise<Transcriber> | null = null;
  #offStore: (() => void) | null = null;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  #get(): Promise<Transcriber> {
    const deps = this.#deps;
    const make = deps.transcriber ?? loadTranscriber;
    return (this.#transcriber ??= Promise.resolve(make({
      channel: 'tab',
      mint: deps.mint,
      agentId: deps.agentId,
      getAgentConfig: deps.getAgentConfig,
      messages: THEM_MESSAGES,
      onFinal: (text) => {
        if (!this.#send(text, 'tab')) this.state.setState((s) => ({ dropped: s.dropped + 1 }));
      },
      onState: (state) => this.state.setState(state),
    })).catch((error: unknown) => {
      this.#transcriber = null;
      throw error;
    }));
  }

  /**
   * Share the meeting tab: call inside the user's click. The share picker needs the click's
   * gesture, which lasts a few seconds (transient activation), so loading the transcriber first
   * (prefetched with the page's idle work, see prefetch) still opens the picker.
   */
  async start(): Promise<boolean> {
    this.#offStore ??= this.#deps.store.subscribe((s, prev) => {
      if (s.connection === 'disconnected' && prev.connection !== 'disconnected' && !s.reconnecting) this.stop();
    });
    this.state.setState({ status: 'connecting', message: null });
    try {
      return await (await this.#get()).start();
    } catch (error) {
      this.state.setState({ status: 'error', message: `Their channel could not load (${error instanceof Error ? error.message : String(error)}). Share the tab again, or type what they say.` });
      return false;
    }
  }

  /** Load the transcriber ahead of the first share. */
  prefetch(): void {
    void this.#get().catch(() => undefined);
  }

  /** A line typed for them (rehearsal, or when their audio cannot be shared). */
  addTyped(text: string): boolean {
    return text.trim() ? this.#send(text, 'typed') : false;
  }

  #send(text: string, source: 'tab' | 'typed'): boolean {
    return this.#deps.host.sendText(themLine(text, source), { triggerResponse: false });
  }

  stop(): void {
    this.#offStore?.();
    this.#offStore = null;
    void this.#transcriber?.then((t) => t.stop(), () => undefined);
    this.state.setState({ status: 'off', message: null });
  }
}
