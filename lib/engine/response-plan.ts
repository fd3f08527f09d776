import type { PersonaBrief } from '@/lib/contracts/persona-brief';
import { countWords, speechDurationMs } from './audio-synth';
import { type Conversation, type EngineItem, messageText } from './conversation';
import { type ProtocolError, protocolError, type ResponseInputItem, type ResponseParams } from './protocol';
import { currentTurn, words } from './replies/text-utils';
import type { ReplyItem, ReplyPolicy, ReplyRequest, ReplyTool } from './replies/types';
import { type EffectiveSession, outputFormat } from './session-config';
import type { OutputFormat } from './speech/synthesis/output-format';

/**
 * Turns a `response.create` (or a turn-detection trigger) into a plan: the
 * context the reply policy sees, and the output items to stream.
 */
type PlannedOutput = { kind: 'message'; text: string } | { kind: 'function_call'; name: string; arguments: string };

export type ResponsePlan = {
  outputs: PlannedOutput[];
  outOfBand: boolean;
  modality: 'audio' | 'text';
  voice: string;
  /** Output audio format and speaking speed (session's, or the response's own format). */
  format: OutputFormat;
  speed: number;
  metadata: Record<string, unknown> | null;
  maxOutputTokens: number | 'inf';
  inputTokens: { text: number; audio: number };
};

function toReplyItem(item: EngineItem, conversation: Conversation): ReplyItem {
  switch (item.type) {
    case 'message':
      return { type: 'message', id: item.id, role: item.role, text: messageText(item, conversation.meta(item.id)) };
    case 'function_call':
      return { type: 'function_call', id: item.id, name: item.name, callId: item.call_id, arguments: item.arguments };
    case 'function_call_output':
      return { type: 'function_call_output', id: item.id, callId: item.call_id, output: item.output, name: conversation.findCall(item.call_id)?.name ?? null };
  }
}

function inputToReplyItem(input: ResponseInputItem, conversation: Conversation, earlier: ReplyItem[]): ReplyItem | ProtocolError {
  if (input.type === 'item_reference') {
    const found = conversation.get(input.id);
    return found ? toReplyItem(found, conversation) : protocolError('item_not_found', `Item with id '${input.id}' not found in the conversation.`, { param: 'response.input' });
  }
  const id = input.id ?? null;
  switch (input.type) {
    case 'message': {
      const text = input.content
        .map((p) => ('text' in p ? p.text : 'transcript' in p ? (p.transcript ?? '') : ''))
        .filter((t) => t.trim() !== '')
        .join(' ');
      return { type: 'message', id, role: input.role, text };
    }
    case 'function_call':
      return { type: 'function_call', id, name: input.name, callId: input.call_id, arguments: input.arguments };
    case 'function_call_output': {
      const call = earlier.find((i) => i.type === 'function_call' && i.callId === input.call_id);
      const name = call?.type === 'function_call' ? call.name : (conversation.findCall(input.call_id)?.name ?? null);
      return { type: 'function_call_output', id, callId: input.call_id, output: input.output, name };
    }
  }
}

function contextItems(conversation: Conversation, input: ResponseInputItem[] | undefined): ReplyItem[] | ProtocolError {
  if (!input) return conversation.items.map((i) => toReplyItem(i, conversation));
  const out: ReplyItem[] = [];
  for (const entry of input) {
    const item = inputToReplyItem(entry, conversation, out);
    if ('code' in item) return item;
    out.push(item);
  }
  return out;
}

function functionTools(tools: EffectiveSession['tools']): ReplyTool[] {
  return tools.flatMap((t) =>
    t.type === 'function' && typeof t.name === 'string' ? [{ name: t.name, description: t.description, parameters: t.parameters }] : [],
  );
}

function estimateTokens(text: string): number {
  return Math.ceil(countWords(text) * 1.3);
}

export function planResponse(opts: {
  session: EffectiveSession;
  conversation: Conversation;
  agentId: string;
  persona?: PersonaBrief | null;
  params: ResponseParams | undefined;
  trigger: ReplyRequest['trigger'];
  policy: ReplyPolicy;
}): { ok: true; plan: ResponsePlan } | { ok: false; error: ProtocolError } {
  const { session, conversation, params } = opts;
  const items = contextItems(conversation, params?.input);
  if ('code' in items) return { ok: false, error: items };
  const instructions = params?.instructions ?? session.instructions;
  const tools = functionTools(params?.tools ?? session.tools);
  const toolChoice = params?.tool_choice ?? session.tool_choice;
  const reply = opts.policy({
    agentId: opts.agentId,
    persona: opts.persona ?? null,
    instructions,
    tools,
    conversationItems: items,
    request: {
      outOfBand: params?.conversation === 'none',
      inputOverride: params?.input !== undefined,
      responseInstructions: params?.instructions ?? null,
      trigger: opts.trigger,
      metadata: params?.metadata ?? null,
      toolChoice,
    },
  });
  const outputs: PlannedOutput[] = [];
  const text = words(reply.text).join(' ');
  if (text !== '') outputs.push({ kind: 'message', text });
  // A model calls only tools it was given, never with tool_choice 'none', and
  // not again in a turn that already has a call (no loops after a tool output).
  const turnHasCall = currentTurn(items).some((i) => i.type === 'function_call');
  if (toolChoice !== 'none' && !turnHasCall) {
    for (const call of reply.toolCalls ?? []) {
      if (!tools.some((t) => t.name === call.name)) continue;
      outputs.push({ kind: 'function_call', name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) });
    }
  }
  const contextText = [instructions, ...items.map((i) => (i.type === 'message' ? i.text : i.type === 'function_call' ? i.arguments : i.output))].join(' ');
  const audioMs = conversation.items.reduce((sum, i) => sum + (conversation.meta(i.id).streamedMs ?? 0), 0);
  return {
    ok: true,
    plan: {
      outputs,
      outOfBand: params?.conversation === 'none',
      modality: (params?.output_modalities ?? session.output_modalities)[0] === 'text' ? 'text' : 'audio',
      voice: params?.audio?.output?.voice ?? session.audio.output.voice,
      format: params?.audio?.output?.format ? outputFormat(params.audio.output.format.type) : session.audio.output.format,
      speed: session.audio.output.speed,
      metadata: params?.metadata ?? null,
      maxOutputTokens: params?.max_output_tokens ?? session.max_output_tokens,
      inputTokens: { text: estimateTokens(contextText), audio: Math.round(audioMs / 100) },
    },
  };
}

/** A plan for a test-driven tool call: exactly that call, nothing else. */
export function toolCallPlan(session: EffectiveSession, name: string, args: string): ResponsePlan {
  return {
    outputs: [{ kind: 'function_call', name, arguments: args }],
    outOfBand: false,
    modality: session.output_modalities[0] === 'text' ? 'text' : 'audio',
    voice: session.audio.output.voice,
    format: session.audio.output.format,
    speed: session.audio.output.speed,
    metadata: null,
    maxOutputTokens: session.max_output_tokens,
    inputTokens: { text: 0, audio: 0 },
  };
}

export function outputTokens(plan: ResponsePlan): { text: number; audio: number } {
  let text = 0;
  let audio = 0;
  for (const o of plan.outputs) {
    text += estimateTokens(o.kind === 'message' ? o.text : o.arguments);
    if (o.kind === 'message' && plan.modality === 'audio') audio += Math.round(speechDurationMs(o.text) / 50);
  }
  return { text, audio };
}
