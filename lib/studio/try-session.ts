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
export type TrySetup = { agent: AgentConfig; greetingInstructions: string; mint: MintFn; version: number };
export type TryMode = 'voice' | 'text';

const PHONE_ONLY = 'This is a browser test chat ("Try it"), not a phone call: the tool is not run here. Tell the user what you would do.';

export class StudioTrySession {
  readonly store: RealtimeStore = createRealtimeStore();
  readonly controller: RealtimeController;
  #setup: TrySetup;
  /** The setup the live (or last) chat started with. */
  #started: TrySetup | null = null;

  constructor(setup: TrySetup, deps: Partial<ControllerDeps> = {}) {
    this.#setup = setup;
    this.controller = new RealtimeController({
      reconnectDelaysMs: [],
      ...deps,
      store: this.store,
      mint: (input) => (this.#started ?? this.#setup).mint(input),
      getAgentConfig: () => (this.#started ?? this.#setup).agent,
    });
  }

  /** A newer saved version: the next start uses it (a live chat keeps the one it started with). */
  update(setup: TrySetup): void {
    this.#setup = setup;
  }

  /** From the user's click (the microphone needs the gesture). */
  async start(mode: TryMode): Promise<boolean> {
    const setup = (this.#started = this.#setup);
    const handlers = Object.fromEntries(setup.agent.tools.map((t) => [t.name, async () => ({ note: PHONE_ONLY })]));
    const connected = await this.controller.connect({
      agentId: setup.agent.id,
      input: mode === 'voice' ? 'mic' : 'none',
      toolHandlers: {
        ...handlers,
        end_call: async () => {
          setTimeout(() => this.stop(), 1500);
          return { ended: true };
        },
      },
    });
    if (connected) this.controller.requestResponse({ instructions: setup.greetingInstructions });
    return connected;
  }

  /** The version the live (or last) chat started with. */
  get startedVersion(): number | null {
    return this.#started?.version ?? null;
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
