import { z } from 'zod';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import { transcriptionConfig, type TranscriptionConfig } from '@/lib/shared/transcription';

/** The GA `session` object for POST /v1/realtime/client_secrets, built from a typed agent config. */
export type RealtimeSessionBody = {
  type: 'realtime';
  model: string;
  instructions: string;
  output_modalities: ['audio'];
  audio: {
    input: {
      format: { type: 'audio/pcm'; rate: 24000 };
      transcription: TranscriptionConfig;
      turn_detection: {
        type: 'server_vad' | 'semantic_vad';
        create_response: boolean;
        interrupt_response: boolean;
        silence_duration_ms?: number;
        prefix_padding_ms?: number;
        threshold?: number;
      };
    };
    output: { format: { type: 'audio/pcm'; rate: 24000 }; voice: string };
  };
  tools: { type: 'function'; name: string; description: string; parameters: Record<string, unknown> }[];
  tool_choice: 'auto';
  /** null = no traces in the OpenAI dashboard (the default); 'auto' = the key's project records audio and text. */
  tracing: 'auto' | null;
};

export type SessionOverrides = {
  model?: string;
  voice?: string;
  instructions?: string;
  /** Phrases the app listens for, sent as transcription `keywords` when the model takes them. */
  transcriptionKeywords?: readonly string[];
  /** Opt in to OpenAI tracing for this session (off unless asked). */
  tracing?: boolean;
};

export function buildRealtimeSessionBody(config: AgentConfig, overrides: SessionOverrides = {}): RealtimeSessionBody {
  const td = config.turnDetection;
  const vad =
    td.type === 'server_vad'
      ? { silence_duration_ms: td.silenceDurationMs, prefix_padding_ms: td.prefixPaddingMs, threshold: td.threshold }
      : {};
  return {
    type: 'realtime',
    model: overrides.model ?? config.model,
    instructions: overrides.instructions ?? config.instructions,
    output_modalities: ['audio'],
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        transcription: transcriptionConfig(config.transcriptionModel, overrides.transcriptionKeywords),
        turn_detection: { type: td.type, create_response: td.createResponse, interrupt_response: td.interruptResponse, ...vad },
      },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: overrides.voice ?? config.voice },
    },
    tools: config.tools.map((t) => {
      const parameters = z.toJSONSchema(t.parameters) as Record<string, unknown>;
      delete parameters.$schema;
      return { type: 'function' as const, name: t.name, description: t.description, parameters };
    }),
    tool_choice: 'auto',
    tracing: overrides.tracing === true ? 'auto' : null,
  };
}
