import type { SessionUpdate } from './protocol';
import type { OutputFormat } from './speech/synthesis/output-format';

/**
 * The effective session config (what `session.created` / `session.updated`
 * carry), in the GA wire shape, and how a `session.update` merges into it.
 */
export type TurnDetection = {
  type: 'server_vad' | 'semantic_vad';
  threshold: number;
  prefix_padding_ms: number;
  silence_duration_ms: number;
  create_response: boolean;
  interrupt_response: boolean;
  idle_timeout_ms: number | null;
  eagerness?: 'low' | 'medium' | 'high' | 'auto';
  [key: string]: unknown;
};

type Tool = { type: string; name?: string; description?: string; parameters?: Record<string, unknown>; [key: string]: unknown };

export type EffectiveSession = {
  type: 'realtime';
  object: 'realtime.session';
  id: string;
  model: string;
  output_modalities: ('audio' | 'text')[];
  instructions: string;
  tools: Tool[];
  tool_choice: unknown;
  max_output_tokens: number | 'inf';
  tracing: unknown;
  truncation: unknown;
  prompt: unknown;
  include: string[] | null;
  expires_at: number;
  audio: {
    input: {
      format: OutputFormat;
      transcription: { model?: string; language?: string; prompt?: string } | null;
      noise_reduction: { type: string } | null;
      turn_detection: TurnDetection | null;
    };
    output: { format: OutputFormat; voice: string; speed: number };
  };
  [key: string]: unknown;
};

const PCM = { type: 'audio/pcm', rate: 24000 } as const;

export function defaultTurnDetection(type: TurnDetection['type'] = 'server_vad'): TurnDetection {
  const base = { threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, create_response: true, interrupt_response: true, idle_timeout_ms: null };
  return type === 'semantic_vad' ? { type, ...base, eagerness: 'auto' } : { type, ...base };
}

export function defaultSession(opts: { id: string; model: string; expiresAt: number }): EffectiveSession {
  return {
    type: 'realtime',
    object: 'realtime.session',
    id: opts.id,
    model: opts.model,
    output_modalities: ['audio'],
    instructions: '',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    include: null,
    expires_at: opts.expiresAt,
    audio: {
      input: { format: { ...PCM }, transcription: null, noise_reduction: null, turn_detection: defaultTurnDetection() },
      output: { format: { ...PCM }, voice: 'marin', speed: 1 },
    },
  };
}

/** A session's starting config: the defaults, then the session config its token carried (model included). */
export function initialSession(opts: { id: string; model: string; expiresAt: number; minted?: SessionUpdate }): EffectiveSession {
  const base = defaultSession(opts);
  return opts.minted ? mergeSession(base, opts.minted) : base;
}

function definedEntries<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function mergeTurnDetection(current: TurnDetection | null, update: Record<string, unknown> | null | undefined): TurnDetection | null {
  if (update === undefined) return current;
  if (update === null) return null;
  const type = (update.type as TurnDetection['type'] | undefined) ?? current?.type ?? 'server_vad';
  // Changing the VAD type starts from that type's defaults, like the service.
  const base = current && current.type === type ? current : defaultTurnDetection(type);
  return { ...base, ...definedEntries(update), type } as TurnDetection;
}

/** The full wire shape of an audio format the schema accepted (input or output). */
export function outputFormat(type: OutputFormat['type']): OutputFormat {
  return type === 'audio/pcm' ? { ...PCM } : { type };
}

/** Merge a validated `session.update` into the effective config (fields not given are kept). */
export function mergeSession(current: EffectiveSession, update: SessionUpdate): EffectiveSession {
  const { audio, type: _type, ...rest } = update;
  void _type;
  const next: EffectiveSession = { ...current, ...(definedEntries(rest) as Partial<EffectiveSession>) };
  if (update.tools) next.tools = update.tools.map((t) => ({ ...t }));
  const input = audio?.input;
  const output = audio?.output;
  next.audio = {
    input: {
      ...current.audio.input,
      ...(input?.format !== undefined ? { format: outputFormat(input.format.type) } : {}),
      ...(input?.transcription !== undefined ? { transcription: input.transcription } : {}),
      ...(input?.noise_reduction !== undefined ? { noise_reduction: input.noise_reduction } : {}),
      turn_detection: mergeTurnDetection(current.audio.input.turn_detection, input?.turn_detection),
    },
    output: {
      ...current.audio.output,
      ...(output?.format !== undefined ? { format: outputFormat(output.format.type) } : {}),
      ...(output?.voice !== undefined ? { voice: output.voice } : {}),
      ...(output?.speed !== undefined ? { speed: output.speed } : {}),
    },
  };
  return next;
}
