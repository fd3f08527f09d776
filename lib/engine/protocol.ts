import { z } from 'zod';

/**
 * The client events the local engine accepts, validated at the socket. A
 * payload that fails here gets an `error` event (`invalid_request_error`)
 * naming the offending parameter, never a crash or a silent drop.
 */
/** What the engine hears and speaks: PCM16 24 kHz, or G.711 mu-law / A-law at 8 kHz (the phone line). */
const audioFormatSchema = z.discriminatedUnion(
  'type',
  [
    z.looseObject({ type: z.literal('audio/pcm'), rate: z.literal(24_000, { error: 'the local engine speaks only 24000 Hz PCM' }).optional() }),
    z.looseObject({ type: z.literal('audio/pcmu') }),
    z.looseObject({ type: z.literal('audio/pcma') }),
  ],
  { error: 'the local engine speaks audio/pcm (PCM16 24 kHz mono), audio/pcmu or audio/pcma' },
);

const turnDetectionInputSchema = z.looseObject({
  type: z.enum(['server_vad', 'semantic_vad']).optional(),
  threshold: z.number().min(0).max(1).optional(),
  prefix_padding_ms: z.number().int().min(0).max(10_000).optional(),
  silence_duration_ms: z.number().int().min(0).max(10_000).optional(),
  create_response: z.boolean().optional(),
  interrupt_response: z.boolean().optional(),
  eagerness: z.enum(['low', 'medium', 'high', 'auto']).optional(),
  idle_timeout_ms: z.number().int().nullable().optional(),
});

const toolSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('function'),
    name: z.string().min(1).max(64),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
  z.looseObject({ type: z.literal('mcp'), server_label: z.string() }),
]);

const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string() }),
  z.looseObject({ type: z.literal('mcp'), server_label: z.string() }),
]);
const outputModalitiesSchema = z.array(z.enum(['audio', 'text'])).length(1, 'output_modalities takes exactly one of "audio" or "text"');
const maxOutputTokensSchema = z.union([z.number().int().min(1).max(4096), z.literal('inf')]);

export const sessionUpdateSchema = z.looseObject({
  type: z.literal('realtime', { error: "session.type must be 'realtime'" }),
  model: z.string().optional(),
  instructions: z.string().optional(),
  output_modalities: outputModalitiesSchema.optional(),
  audio: z
    .looseObject({
      input: z
        .looseObject({
          format: audioFormatSchema.optional(),
          transcription: z
            .looseObject({ model: z.string().optional(), language: z.string().optional(), prompt: z.string().optional() })
            .nullable()
            .optional(),
          turn_detection: turnDetectionInputSchema.nullable().optional(),
          noise_reduction: z.looseObject({ type: z.enum(['near_field', 'far_field']) }).nullable().optional(),
        })
        .optional(),
      output: z
        .looseObject({ format: audioFormatSchema.optional(), voice: z.string().optional(), speed: z.number().min(0.25).max(1.5).optional() })
        .optional(),
    })
    .optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  tracing: z.union([z.literal('auto'), z.looseObject({}), z.null()]).optional(),
  max_output_tokens: maxOutputTokensSchema.optional(),
  truncation: z.unknown().optional(),
  prompt: z.unknown().optional(),
  include: z.array(z.string()).nullable().optional(),
});
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

const statusSchema = z.enum(['completed', 'incomplete', 'in_progress']).optional();
const userPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }),
  z.object({ type: z.literal('input_audio'), audio: z.string().nullable().optional(), transcript: z.string().nullable().optional() }),
  z.object({ type: z.literal('input_image'), image_url: z.string().optional() }),
]);
const assistantPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('output_text'), text: z.string() }),
  z.object({ type: z.literal('output_audio'), audio: z.string().nullable().optional(), transcript: z.string().nullable().optional() }),
]);
/** The service caps item ids at 32 characters. */
const MAX_ITEM_ID_CHARS = 32;
const idSchema = z.string().min(1).max(MAX_ITEM_ID_CHARS).optional();

const itemInputSchema = z.union([
  z.object({ id: idSchema, type: z.literal('message'), role: z.literal('user'), status: statusSchema, content: z.array(userPartSchema).min(1) }),
  z.object({
    id: idSchema,
    type: z.literal('message'),
    role: z.literal('system'),
    status: statusSchema,
    content: z.array(z.object({ type: z.literal('input_text'), text: z.string() })).min(1),
  }),
  z.object({ id: idSchema, type: z.literal('message'), role: z.literal('assistant'), status: statusSchema, content: z.array(assistantPartSchema).min(1) }),
  z.object({ id: idSchema, type: z.literal('function_call'), status: statusSchema, call_id: z.string().min(1), name: z.string().min(1), arguments: z.string() }),
  z.object({ id: idSchema, type: z.literal('function_call_output'), status: statusSchema, call_id: z.string().min(1), output: z.string() }),
]);
export type ItemInput = z.infer<typeof itemInputSchema>;

const responseInputItemSchema = z.union([itemInputSchema, z.object({ type: z.literal('item_reference'), id: z.string().min(1) })]);
export type ResponseInputItem = z.infer<typeof responseInputItemSchema>;

const responseParamsSchema = z.looseObject({
  conversation: z.enum(['auto', 'none']).optional(),
  input: z.array(responseInputItemSchema).optional(),
  instructions: z.string().optional(),
  output_modalities: outputModalitiesSchema.optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  audio: z.looseObject({ output: z.looseObject({ format: audioFormatSchema.optional(), voice: z.string().optional() }).optional() }).optional(),
  max_output_tokens: maxOutputTokensSchema.optional(),
  prompt: z.unknown().optional(),
});
export type ResponseParams = z.infer<typeof responseParamsSchema>;

const eventId = z.string().optional();
const clientEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.update'), event_id: eventId, session: sessionUpdateSchema }),
  z.object({ type: z.literal('conversation.item.create'), event_id: eventId, previous_item_id: z.string().nullable().optional(), item: itemInputSchema }),
  z.object({ type: z.literal('conversation.item.delete'), event_id: eventId, item_id: z.string().min(1) }),
  z.object({ type: z.literal('conversation.item.retrieve'), event_id: eventId, item_id: z.string().min(1) }),
  z.object({
    type: z.literal('conversation.item.truncate'),
    event_id: eventId,
    item_id: z.string().min(1),
    content_index: z.number().int().min(0),
    audio_end_ms: z.number().int('audio_end_ms must be an integer').min(0),
  }),
  z.object({ type: z.literal('response.create'), event_id: eventId, response: responseParamsSchema.optional() }),
  z.object({ type: z.literal('response.cancel'), event_id: eventId, response_id: z.string().optional() }),
  z.object({ type: z.literal('input_audio_buffer.append'), event_id: eventId, audio: z.base64() }),
  z.object({ type: z.literal('input_audio_buffer.commit'), event_id: eventId }),
  z.object({ type: z.literal('input_audio_buffer.clear'), event_id: eventId }),
  z.object({ type: z.literal('output_audio_buffer.clear'), event_id: eventId, response_id: z.string().optional() }),
]);
export type ClientEvent = z.infer<typeof clientEventSchema>;
export const CLIENT_EVENT_TYPES = clientEventSchema.options.map((o) => o.shape.type.value);

export type ProtocolError = { type: 'invalid_request_error' | 'server_error'; code: string; message: string; param: string | null; event_id: string | null };

export function protocolError(code: string, message: string, opts: { param?: string | null; eventId?: string | null; type?: ProtocolError['type'] } = {}): ProtocolError {
  return { type: opts.type ?? 'invalid_request_error', code, message, param: opts.param ?? null, event_id: opts.eventId ?? null };
}

export type ParsedClientMessage = { ok: true; event: ClientEvent; raw: Record<string, unknown> } | { ok: false; raw: unknown; error: ProtocolError };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** Parse one text frame into a validated client event, or the error event payload to answer with. */
export function parseClientMessage(text: string): ParsedClientMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, raw: text, error: protocolError('invalid_json', 'The event is not valid JSON.') };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, raw, error: protocolError('invalid_value', 'An event must be a JSON object.') };
  }
  const record = raw as Record<string, unknown>;
  const clientEventId = typeof record.event_id === 'string' ? record.event_id : null;
  if (typeof record.type !== 'string') {
    return { ok: false, raw, error: protocolError('missing_required_parameter', "Missing required parameter: 'type'.", { param: 'type', eventId: clientEventId }) };
  }
  if (!(CLIENT_EVENT_TYPES as string[]).includes(record.type)) {
    return {
      ok: false,
      raw,
      error: protocolError('invalid_value', `Invalid value: '${record.type}'. Supported values are: ${CLIENT_EVENT_TYPES.map((t) => `'${t}'`).join(', ')}.`, {
        param: 'type',
        eventId: clientEventId,
      }),
    };
  }
  const parsed = clientEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.length ? issue.path.join('.') : null;
    const missing = issue?.code === 'invalid_type' && issue.message.includes('undefined');
    if (issue?.code === 'too_big' && issue.origin === 'string') {
      const given = valueAt(record, issue.path);
      const length = typeof given === 'string' ? given.length : '?';
      const message = `Invalid '${param}': string too long. Expected a string with maximum length ${String(issue.maximum)}, but got a string with length ${length} instead.`;
      return { ok: false, raw, error: protocolError('string_above_max_length', message, { param, eventId: clientEventId }) };
    }
    const code = missing ? 'missing_required_parameter' : 'invalid_value';
    const message = missing ? `Missing required parameter: '${param}'.` : `Invalid '${param ?? record.type}': ${issue?.message ?? 'invalid value'}.`;
    return { ok: false, raw, error: protocolError(code, message, { param, eventId: clientEventId }) };
  }
  return { ok: true, event: parsed.data, raw: record };
}
