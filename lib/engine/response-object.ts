import { type EngineItem, toWireItem } from './conversation';
import { outputTokens, type ResponsePlan } from './response-plan';

/** The `realtime.response` object of `response.created` / `response.done`, and its usage. */
export type ResponseUsage = {
  total_tokens: number;
  input_tokens: number;
  output_tokens: number;
  input_token_details: Record<string, unknown>;
  output_token_details: Record<string, unknown>;
};

export function responseUsage(plan: ResponsePlan, outputsDone: number): ResponseUsage {
  const input = plan.inputTokens;
  const produced = outputTokens({ ...plan, outputs: plan.outputs.slice(0, outputsDone) });
  const inputTotal = input.text + input.audio;
  const outputTotal = produced.text + produced.audio;
  return {
    total_tokens: inputTotal + outputTotal,
    input_tokens: inputTotal,
    output_tokens: outputTotal,
    input_token_details: { text_tokens: input.text, audio_tokens: input.audio, image_tokens: 0, cached_tokens: 0, cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 } },
    output_token_details: { text_tokens: produced.text, audio_tokens: produced.audio },
  };
}

export function responseObject(r: {
  id: string;
  status: string;
  output: readonly EngineItem[];
  plan: ResponsePlan;
  conversationId: string;
  usage: ResponseUsage | null;
}): Record<string, unknown> {
  return {
    object: 'realtime.response',
    id: r.id,
    status: r.status,
    status_details: null,
    output: r.output.map(toWireItem),
    conversation_id: r.plan.outOfBand ? null : r.conversationId,
    output_modalities: [r.plan.modality],
    max_output_tokens: r.plan.maxOutputTokens,
    audio: { output: { format: r.plan.format, voice: r.plan.voice } },
    usage: r.usage,
    metadata: r.plan.metadata,
  };
}
