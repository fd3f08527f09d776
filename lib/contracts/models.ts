/**
 * THE list of OpenAI models the app offers, with their status. Everything else (the agent
 * config schema, the settings form, the defaults) derives from here. Statuses and shutdown
 * dates as announced in the GA API types (openai@7.55): when OpenAI deprecates another model,
 * change its row here and nowhere else.
 */
type ModelKind = 'realtime' | 'transcription';
type ModelStatus = 'current' | 'deprecated';

export type ModelInfo = {
  readonly id: string;
  readonly kind: ModelKind;
  readonly status: ModelStatus;
  /** Announced shutdown date (YYYY-MM-DD) of a deprecated model. */
  readonly shutdown?: string;
  /** How the settings panel names it. */
  readonly label: string;
};

const REALTIME_SHUTDOWN = '2027-01-20';
const TRANSCRIPTION_SHUTDOWN = '2027-02-26';

export const MODELS = [
  { id: 'gpt-realtime-2.1', kind: 'realtime', status: 'current', label: 'gpt-realtime-2.1 (recommended)' },
  { id: 'gpt-realtime-2.1-mini', kind: 'realtime', status: 'current', label: 'gpt-realtime-2.1-mini (cheaper)' },
  { id: 'gpt-realtime-2', kind: 'realtime', status: 'current', label: 'gpt-realtime-2' },
  { id: 'gpt-realtime-1.5', kind: 'realtime', status: 'current', label: 'gpt-realtime-1.5' },
  { id: 'gpt-realtime', kind: 'realtime', status: 'deprecated', shutdown: REALTIME_SHUTDOWN, label: 'gpt-realtime' },
  { id: 'gpt-realtime-2025-08-28', kind: 'realtime', status: 'deprecated', shutdown: REALTIME_SHUTDOWN, label: 'gpt-realtime-2025-08-28' },
  { id: 'gpt-realtime-mini', kind: 'realtime', status: 'deprecated', shutdown: REALTIME_SHUTDOWN, label: 'gpt-realtime-mini' },
  { id: 'gpt-realtime-mini-2025-12-15', kind: 'realtime', status: 'deprecated', shutdown: REALTIME_SHUTDOWN, label: 'gpt-realtime-mini-2025-12-15' },
  { id: 'gpt-live-transcribe', kind: 'transcription', status: 'current', label: 'gpt-live-transcribe (streaming, keywords)' },
  { id: 'gpt-transcribe', kind: 'transcription', status: 'current', label: 'gpt-transcribe (keywords)' },
  { id: 'gpt-realtime-whisper', kind: 'transcription', status: 'current', label: 'gpt-realtime-whisper' },
  { id: 'gpt-4o-mini-transcribe', kind: 'transcription', status: 'deprecated', shutdown: TRANSCRIPTION_SHUTDOWN, label: 'gpt-4o-mini-transcribe' },
  { id: 'gpt-4o-mini-transcribe-2025-12-15', kind: 'transcription', status: 'deprecated', shutdown: TRANSCRIPTION_SHUTDOWN, label: 'gpt-4o-mini-transcribe-2025-12-15' },
  { id: 'gpt-4o-transcribe', kind: 'transcription', status: 'deprecated', shutdown: TRANSCRIPTION_SHUTDOWN, label: 'gpt-4o-transcribe' },
  { id: 'whisper-1', kind: 'transcription', status: 'deprecated', shutdown: TRANSCRIPTION_SHUTDOWN, label: 'whisper-1' },
] as const satisfies readonly ModelInfo[];

type Row = (typeof MODELS)[number];
export type RealtimeModelId = Extract<Row, { kind: 'realtime' }>['id'];
export type TranscriptionModelId = Extract<Row, { kind: 'transcription' }>['id'];

/** Ids of one kind, in list order, as a non-empty tuple (what z.enum takes). */
function idsOf<Id extends string>(kind: ModelKind): readonly [Id, ...Id[]] {
  return MODELS.filter((m) => m.kind === kind).map((m) => m.id) as readonly string[] as readonly [Id, ...Id[]];
}

export const REALTIME_MODEL_IDS = idsOf<RealtimeModelId>('realtime');
export const TRANSCRIPTION_MODEL_IDS = idsOf<TranscriptionModelId>('transcription');

/** Defaults for new agents and settings: the current recommended models. */
export const DEFAULT_REALTIME_MODEL = 'gpt-realtime-2.1' satisfies RealtimeModelId;
export const CHEAP_REALTIME_MODEL = 'gpt-realtime-2.1-mini' satisfies RealtimeModelId;
export const DEFAULT_TRANSCRIPTION_MODEL = 'gpt-live-transcribe' satisfies TranscriptionModelId;

/** Transcription models that take `keywords` (words or phrases to guide transcription). */
const KEYWORD_MODELS: ReadonlySet<string> = new Set(['gpt-transcribe', 'gpt-live-transcribe']);

export function modelInfo(id: string): ModelInfo | undefined {
  return (MODELS as readonly ModelInfo[]).find((m) => m.id === id);
}

export function acceptsKeywords(transcriptionModel: string): boolean {
  return KEYWORD_MODELS.has(transcriptionModel);
}

/** "Deprecated: OpenAI shuts it down on 2027-01-20." for a deprecated model, else null. */
export function deprecationNotice(id: string): string | null {
  const info = modelInfo(id);
  if (info?.status !== 'deprecated') return null;
  return `Deprecated: OpenAI shuts ${info.id} down on ${info.shutdown ?? 'a date to be announced'}. Pick a current model.`;
}

/** The most transcription keywords a session carries (the trigger and interrupt phrases). */
export const MAX_TRANSCRIPTION_KEYWORDS = 50;
