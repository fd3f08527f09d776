import type { AgentConfig } from '@/lib/contracts/agent-config';
import { RealtimeController, type ControllerDeps } from '@/lib/realtime/session/controller';
import type { MintFn } from '@/lib/realtime/session/mint-step';
import { loadRealtimeSdk, type RealtimeSdk } from '@/lib/realtime/session/sdk-loader';
import { buildRealtimeAgent, type ToolHandlers } from '@/lib/realtime/session/session-factory';
import { createRealtimeStore, type RealtimeStore } from '@/lib/realtime/store/store';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * "Try it" in the agent studio: a web voice (or typed) chat with a stored agent, on the shared
 * RealtimeController and the app's mint (the caller passes it in). Once connected the agent speaks
 * first, with its greeting, as on a phone call. A version saved while the chat is live is applied
 * to it (`session.updateAgent`, as live calls do), keeping the voice it started with. `end_call`
 * ends the chat; the read-only built-ins (lookups) and webhook tools run on the server through
 * `runTool` (the studio's server action, the same executors as a phone call), each run kept in
 * `state.toolRuns`; transfer_to_human answers that it only runs on a call, so the model says so.
 */
/** Runs a tool on the server: what the model reads back (`result`) and whether the tool succeeded. */
export type TryToolRunner = (name: string, args: Record<string, unknown>) => Promise<{ ok: boolean; result: unknown }>;
export type TrySetup = { agent: AgentConfig; greetingInstructions: string; mint: MintFn; version: number; runTool?: TryToolRunner };
type TryToolRun = { name: string; args: Record<string, unknown>; ok: boolean; result: unknown };
export type TryMode = 'voice' | 'text';
/** The version the live (or last) chat runs; `updateError` when a live update was refused. */
export type TryState = { liveVersion: number | null; updateError: string | null; toolRuns: TryToolRun[] };

const PHONE_ONLY = 'This is a browser test chat ("Try it"), not a phone call: this tool only runs on a call. Tell the user what you would do.';
const MAX_TOOL_RUNS = 20;

export class StudioTrySession {
  readonly store: RealtimeStore = createRealtimeStore();
  readonly state: StoreApi<TryState> = createStore<TryState>(() => ({ liveVersion: null, updateError: null, toolRuns: [] }));
  readonly controller: RealtimeController;
  readonly #loadSdk: () => Promise<RealtimeSdk>;
  #setup: TrySetup;
  /** The setup the live (or last) chat runs. */
  #running: TrySetup | null = null;

  constructor(setup: TrySetup, deps: Partial<ControllerDeps> = {}) {
    this.#setup = setup;
    this.#loadSdk = deps.loadSdk ?? loadRealtimeSdk;
    this.controller = new RealtimeController({
      reconnectDelaysMs: [],
      ...deps,
      store: this.store,
      mint: (input) => (this.#running ?? this.#setup).mint(input),
      getAgentConfig: () => (this.#running ?? this.#setup).agent,
    });
  }

  async #runTool(runTool: TryToolRunner, name: string, args: Record<string, unknown>): Promise<unknown> {
    let run: { ok: boolean; result: unknown };
    try {
      run = await runTool(name, args);
    } catch (error) {
      run = { ok: false, result: { error: `the tool could not be run (${error instanceof Error ? error.message : 'no answer from the server'})` } };
    }
    this.state.setState((s) => ({ toolRuns: [...s.toolRuns, { name, args, ...run }].slice(-MAX_TOOL_RUNS) }));
    return run.result;
  }

  #handlers(agent: AgentConfig, runTool: TryToolRunner | undefined): ToolHandlers {
    const serverSide = (name: string) => (runTool ? async (args: Record<string, unknown>) => this.#runTool(runTool, name, args) : async () => ({ note: PHONE_ONLY }));
    return {
      ...Object.fromEntries(agent.tools.map((t) => [t.name, serverSide(t.name)])),
      transfer_to_human: async () => ({ note: PHONE_ONLY }),
      end_call: async () => {
        setTimeout(() => this.stop(), 1500);
        return { ended: true };
      },
    };
  }

  /** A newer saved version: applied to a live chat at once, and used by the next start. */
  async update(setup: TrySetup): Promise<void> {
    this.#setup = setup;
    const running = this.#running;
    const session = this.controller.session;
    if (!running || !session || this.store.getState().connection !== 'connected' || setup.version <= running.version) return;
    try {
      const sdk = await this.#loadSdk();
      await session.updateAgent(buildRealtimeAgent(sdk, setup.agent, { voice: running.agent.voice, toolHandlers: this.#handlers(setup.agent, setup.runTool) }));
      this.#running = setup;
      this.state.setState({ liveVersion: setup.version, updateError: null });
    } catch (error) {
      this.state.setState({ updateError: `Version ${setup.version} could not be applied to this chat (${error instanceof Error ? error.message : 'update failed'}). Hang up and start again to try it.` });
    }
  }

  /** From the user's click (the microphone needs the gesture). */
  async start(mode: TryMode): Promise<boolean> {
    const setup = (this.#running = this.#setup);
    this.state.setState({ liveVersion: setup.version, updateError: null, toolRuns: [] });
    const connected = await this.controller.connect({ agentId: setup.agent.id, input: mode === 'voice' ? 'mic' : 'none', toolHandlers: this.#handlers(setup.agent, setup.runTool) });
    if (connected) this.controller.requestResponse({ instructions: setup.greetingInstructions });
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
