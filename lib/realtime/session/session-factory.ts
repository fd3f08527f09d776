import type { RealtimeAgent, RealtimeSession, RealtimeSessionConfig, RealtimeSessionOptions, RealtimeTransportLayer } from '@openai/agents-realtime';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import { transcriptionConfig } from '@/lib/shared/transcription';
import type { CancelTargets } from './out-of-band';
import type { RealtimeSdk } from './sdk-loader';
import type { PlaybackClock } from './websocket-transport';

/**
 * Builds the SDK objects for one connection from a typed agent config: the RealtimeAgent
 * (instructions, voice, tools), the session config (model, voice, transcription, turn
 * detection) and the transport. Pure construction, no I/O: the controller connects.
 */

/** Runs a tool call in the page. The return value goes back to the model (strings as is, anything else as JSON). */
type ToolHandler = (args: Record<string, unknown>) => unknown | Promise<unknown>;
export type ToolHandlers = Readonly<Record<string, ToolHandler>>;

const PCM16_24K = { type: 'audio/pcm', rate: 24_000 } as const;

export function toolOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value ?? null);
}

export function buildRealtimeAgent(
  sdk: RealtimeSdk,
  config: AgentConfig,
  { voice, toolHandlers = {} }: { voice: string; toolHandlers?: ToolHandlers },
): RealtimeAgent {
  const tools = config.tools.map((t) =>
    sdk.tool({
      name: t.name,
      description: t.description,
      parameters: t.parameters,
      strict: true,
      execute: async (args: unknown) => {
        const handler = toolHandlers[t.name];
        if (!handler) return toolOutput({ error: `The tool ${t.name} is not available on this page.` });
        return toolOutput(await handler(args as Record<string, unknown>));
      },
    }),
  );
  return new sdk.RealtimeAgent({ name: config.name, instructions: config.instructions, voice, tools });
}

/** What a connection adds to the agent's config (the same values went to the mint). */
export type SessionExtras = { transcriptionKeywords?: readonly string[] };

/** The session config the SDK sends in its first `session.update`; mirrors the minted session on the server. */
export function buildSessionConfig(config: AgentConfig, voice: string, { transcriptionKeywords }: SessionExtras = {}): Partial<RealtimeSessionConfig> {
  const td = config.turnDetection;
  const vadTuning =
    td.type === 'server_vad'
      ? { silenceDurationMs: td.silenceDurationMs, prefixPaddingMs: td.prefixPaddingMs, threshold: td.threshold }
      : {};
  return {
    outputModalities: ['audio'],
    audio: {
      input: {
        format: PCM16_24K,
        transcription: transcriptionConfig(config.transcriptionModel, transcriptionKeywords),
        turnDetection: { type: td.type, createResponse: td.createResponse, interruptResponse: td.interruptResponse, ...vadTuning },
      },
      output: { format: PCM16_24K, voice },
    },
  };
}

export type TransportPlan =
  | { kind: 'websocket'; playback: PlaybackClock; bargeIn: boolean; isOutOfBandItem?: (itemId: string | undefined) => boolean; inProgress?: CancelTargets }
  | { kind: 'webrtc'; audioElement: HTMLAudioElement; mediaStream: MediaStream; inProgress?: CancelTargets };

export function createTransport(plan: TransportPlan, sdk: RealtimeSdk): RealtimeTransportLayer {
  if (plan.kind === 'websocket') {
    return new sdk.CueWebSocketTransport({ playback: plan.playback, bargeIn: plan.bargeIn, isOutOfBandItem: plan.isOutOfBandItem, inProgress: plan.inProgress });
  }
  return new sdk.CueWebRTCTransport({ audioElement: plan.audioElement, mediaStream: plan.mediaStream, inProgress: plan.inProgress });
}

export type SessionRecipe = SessionExtras & {
  sdk: RealtimeSdk;
  config: AgentConfig;
  model: string;
  voice: string;
  transport: RealtimeTransportLayer;
  toolHandlers?: ToolHandlers;
  /** OpenAI tracing (the SDK asks for 'auto' unless told otherwise): off unless the user turned it on. */
  tracing?: boolean;
};

/** The RealtimeSession options for a recipe (any agent built from it): transport, model, tracing, session config. */
export function sessionOptions({ config, model, voice, transport, tracing = false, transcriptionKeywords }: SessionRecipe): Partial<RealtimeSessionOptions> {
  return { transport, model, tracingDisabled: !tracing, config: buildSessionConfig(config, voice, { transcriptionKeywords }) };
}

export function createSession(recipe: SessionRecipe): RealtimeSession {
  const agent = buildRealtimeAgent(recipe.sdk, recipe.config, { voice: recipe.voice, toolHandlers: recipe.toolHandlers });
  return new recipe.sdk.RealtimeSession(agent, sessionOptions(recipe));
}
