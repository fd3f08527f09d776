import type { AgentConfig } from '@/lib/contracts/agent-config';
import { RealtimeController, type ControllerDeps } from '@/lib/realtime/session/controller';
import type { MintFn } from '@/lib/realtime/session/mint-step';
import { createRealtimeStore, type RealtimeStore } from '@/lib/realtime/store/store';

/**
 * "Try it" in the agent studio: a web voice (or typed) chat with a stored agent, on the shared
 * RealtimeController and the app's mint (the caller passes it in). Once connected the agent speaks
 * first, with its greeting, as on a phone call. `end_call` ends the chat; `transfer_to_human` and
 * the other phone tools answer that they only work on a call, so the model says so.
 */
export type TrySetup = { agent: AgentConfig; greetingInstructions: string; mint: MintFn };
export type TryMode = 'voice' | 'text';

const PHONE_ONLY = 'This is a browser test chat ("Try it"), not a phone call: the tool is not run here. Tell the user what you would do.';

export class StudioTrySession {
  readonly store: RealtimeStore = createRealtimeStore();
  readonly controller: RealtimeController;
  readonly #setup: TrySetup;

  constructor(setup: TrySetup, deps: Partial<ControllerDeps> = {}) {
    this.#setup = setup;
    this.controller = new RealtimeController({
      reconnectDelaysMs: [],
      ...deps,
      store: this.store,
      mint: setup.mint,
      getAgentConfig: () => setup.agent,
    });
  }

  /** From the user's click (the microphone needs the gesture). */
  async start(mode: TryMode): Promise<boolean> {
    const handlers = Object.fromEntries(this.#setup.agent.tools.map((t) => [t.name, async () => ({ note: PHONE_ONLY })]));
    const connected = await this.controller.connect({
      agentId: this.#setup.agent.id,
      input: mode === 'voice' ? 'mic' : 'none',
      toolHandlers: {
        ...handlers,
        end_call: async () => {
          setTimeout(() => this.stop(), 1500);
          return { ended: true };
        },
      },
    });
    if (connected) this.controller.requestResponse({ instructions: this.#setup.greetingInstructions });
    return connected;
  }

  send(text: string): boolean {
    return this.controller.sendText(text);
  }

  stop(): void {
    this.controller.disconnect();
  }

  dispose(): void {
    this.controller.dispose();
  }
}
