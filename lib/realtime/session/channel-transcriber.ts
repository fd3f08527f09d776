import type { AgentConfig } from '@/lib/contracts/agent-config';
import type { MintFn } from './mint-step';
import { RealtimeController } from './controller';
import { createRealtimeStore } from '../store/store';
import { openTabAudio, onTabEnded, type TabAudioIssue } from '../audio/tab-audio';

/**
 * One audio channel of a conversation with its own transcription session: the user's microphone
 * or the other side's audio (a tab shared with display capture). Lines are labelled by the
 * channel they came from, never by guessing who spoke. The session is meant to listen only (pass
 * an agent whose config does not create responses); only its transcription events are used.
 * Shared by features (agent assist, the live hint assistant): it knows none of them.
 */

export type Channel = 'mic' | 'tab';
export type ChannelState = { status: 'off' | 'connecting' | 'on' | 'error'; message: string | null };

/** What the user is told, in the feature's words. */
export type ChannelMessages = {
  /** The share picker gave no audio. */
  tabRefused: (issue: TabAudioIssue) => string;
  /** The user stopped sharing. */
  tabEnded: string;
  /** Names the channel in an error ("Microphone", "Customer audio"). */
  label: string;
};

type Deps = {
  channel: Channel;
  mint: MintFn;
  agentId: string;
  getAgentConfig: (id: string) => AgentConfig | undefined | Promise<AgentConfig | undefined>;
  messages: ChannelMessages;
  onFinal: (text: string) => void;
  onState: (state: ChannelState) => void;
  /** Test seam: where the tab audio comes from. */
  openTab?: typeof openTabAudio;
};

export class ChannelTranscriber {
  readonly #deps: Deps;
  #controller: RealtimeController | null = null;
  #offs: (() => void)[] = [];
  #tabStream: MediaStream | null = null;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** Start from the user's click (the mic prompt and the share picker need the gesture). */
  async start(): Promise<boolean> {
    this.stop();
    const { channel, onState, messages } = this.#deps;
    onState({ status: 'connecting', message: null });
    let input: 'mic' | MediaStream = 'mic';
    if (channel === 'tab') {
      const tab = await (this.#deps.openTab ?? openTabAudio)();
      if (!tab.ok) {
        onState({ status: 'error', message: messages.tabRefused(tab.issue) });
        return false;
      }
      this.#tabStream = tab.stream;
      input = tab.stream;
      this.#offs.push(onTabEnded(tab.stream, () => {
        this.stop();
        onState({ status: 'error', message: messages.tabEnded });
      }));
    }
    const store = createRealtimeStore();
    const controller = new RealtimeController({ store, mint: this.#deps.mint, getAgentConfig: this.#deps.getAgentConfig, reconnectDelaysMs: [500, 2000, 5000] });
    this.#controller = controller;
    this.#offs.push(
      controller.onServerEvent((event) => {
        const e = event as { type?: string; transcript?: unknown };
        if (e.type === 'conversation.item.input_audio_transcription.completed' && typeof e.transcript === 'string' && e.transcript.trim()) this.#deps.onFinal(e.transcript.trim());
      }),
      controller.onSessionStart(() => onState({ status: 'on', message: null })),
      controller.onSessionEnd(({ reason }) => {
        if (reason === 'lost') onState({ status: 'connecting', message: 'The transcription connection dropped; reconnecting.' });
      }),
    );
    const ok = await controller.connect({ agentId: this.#deps.agentId, input });
    if (!ok || store.getState().error) {
      const err = store.getState().error;
      onState({ status: 'error', message: err ? `${messages.label}: ${err.message}` : 'The transcription session did not start.' });
      return false;
    }
    return true;
  }

  get running(): boolean {
    return this.#controller !== null;
  }

  stop(): void {
    this.#offs.forEach((off) => off());
    this.#offs = [];
    this.#controller?.dispose();
    this.#controller = null;
    this.#tabStream?.getTracks().forEach((t) => t.stop());
    this.#tabStream = null;
  }
}
