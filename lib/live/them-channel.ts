import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import type { TabAudioIssue } from '@/lib/realtime/audio/tab-audio';
import { ChannelTranscriber, type ChannelState } from '@/lib/realtime/session/channel-transcriber';
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
  /** Test seam. */
  transcriber?: (deps: ConstructorParameters<typeof ChannelTranscriber>[0]) => Pick<ChannelTranscriber, 'start' | 'stop'>;
};

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
  readonly #transcriber: Pick<ChannelTranscriber, 'start' | 'stop'>;
  #offStore: (() => void) | null = null;

  constructor(deps: Deps) {
    this.#deps = deps;
    const make = deps.transcriber ?? ((d) => new ChannelTranscriber(d));
    this.#transcriber = make({
      channel: 'tab',
      mint: deps.mint,
      agentId: deps.agentId,
      getAgentConfig: deps.getAgentConfig,
      messages: THEM_MESSAGES,
      onFinal: (text) => {
        if (!this.#send(text, 'tab')) this.state.setState((s) => ({ dropped: s.dropped + 1 }));
      },
      onState: (state) => this.state.setState(state),
    });
  }

  /** Share the meeting tab: call synchronously inside the user's click (the picker needs the gesture). */
  start(): Promise<boolean> {
    this.#offStore ??= this.#deps.store.subscribe((s, prev) => {
      if (s.connection === 'disconnected' && prev.connection !== 'disconnected' && !s.reconnecting) this.stop();
    });
    return this.#transcriber.start();
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
    this.#transcriber.stop();
    this.state.setState({ status: 'off', message: null });
  }
}
