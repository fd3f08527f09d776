import type { MintFn } from '@/lib/realtime/session/mint-step';
import { RealtimeController } from '@/lib/realtime/session/controller';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import { openTabAudio, onTabEnded, TAB_AUDIO_MESSAGES } from '@/lib/realtime/audio/tab-audio';
import { HINT_ASSISTANT_ID } from '@/agents/prompts/hint-assistant';

/**
 * One audio channel of an assist call with its own transcription session: the agent's microphone
 * or the customer's audio (the softphone tab, shared with display capture). Lines are labelled by
 * the channel they came from, never by guessing who spoke. The session never answers (the
 * listening agent config has createResponse off); only its transcription events are used.
 */

export type Channel = 'mic' | 'tab';
export type ChannelState = { status: 'off' | 'connecting' | 'on' | 'error'; message: string | null };

type Deps = {
  channel: Channel;
  mint: MintFn;
  onFinal: (text: string) => void;
  onState: (state: ChannelState) => void;
};

const loadAgentConfig = (id: string) => import('@/agents/registry').then((r) => r.getAgentConfig(id));

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
    const { channel, onState } = this.#deps;
    onState({ status: 'connecting', message: null });
    let input: 'mic' | MediaStream = 'mic';
    if (channel === 'tab') {
      const tab = await openTabAudio();
      if (!tab.ok) {
        onState({ status: 'error', message: TAB_AUDIO_MESSAGES[tab.issue].replace('Cue hears only your microphone.', 'Type the customer\'s words instead, or share the softphone tab again.') });
        return false;
      }
      this.#tabStream = tab.stream;
      input = tab.stream;
      this.#offs.push(onTabEnded(tab.stream, () => {
        this.stop();
        onState({ status: 'error', message: 'The softphone tab stopped sharing: the customer channel is off.' });
      }));
    }
    const store = createRealtimeStore();
    const controller = new RealtimeController({ store, mint: this.#deps.mint, getAgentConfig: loadAgentConfig, reconnectDelaysMs: [500, 2000, 5000] });
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
    const ok = await controller.connect({ agentId: HINT_ASSISTANT_ID, input });
    if (!ok || store.getState().error) {
      const err = store.getState().error;
      onState({ status: 'error', message: err ? `${channel === 'mic' ? 'Microphone' : 'Customer audio'}: ${err.message}` : 'The transcription session did not start.' });
      return false;
    }
    return true;
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
