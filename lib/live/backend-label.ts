import type { EngineSpeech } from '@/lib/contracts/engine-speech';
import type { Backend } from '@/lib/realtime/store/types';

/** What the local engine is, in the words every badge and export uses. */
export const LOCAL_ENGINE_LABEL = 'Local engine (scripted, no AI)';

/**
 * The local engine's badge, with the speech it has (from its health check; null when
 * unknown): both, or what is missing and the packages that add it.
 */
export function localEngineLabel(speech: EngineSpeech | null): string {
  if (!speech) return LOCAL_ENGINE_LABEL;
  const { recognition: heard, synthesis: said } = speech;
  if (heard.available && said.available) return 'Local engine: offline speech, scripted replies';
  const missing = [heard.available ? null : 'recognition', said.available ? null : 'output'].filter(Boolean).join(' or ');
  const install = [...(heard.available ? [] : heard.install), ...(said.available ? [] : said.install)].join(' ');
  return `Local engine: no speech ${missing} — install ${install}`;
}

/** The badge's tooltip: which engines speak and listen. */
export function localEngineTitle(speech: EngineSpeech | null): string {
  const base = 'Replies are scripted by the local engine; no AI model is called.';
  if (!speech) return base;
  const heard = speech.recognition.available ? 'speech is recognised offline (pocketsphinx)' : 'speech is not recognised';
  const said = speech.synthesis.available ? `replies are spoken (${speech.synthesis.engine})` : 'replies are a tone, not words';
  return `${base} ${heard[0]?.toUpperCase()}${heard.slice(1)}; ${said}.`;
}

/** The badge text: the local engine, or the OpenAI model in use. */
export function backendLabel(backend: Backend, model: string | null, speech: EngineSpeech | null = null): string {
  return backend === 'local' ? localEngineLabel(speech) : `OpenAI ${model ?? 'realtime'}`;
}

/**
 * The model and voice an export states. On the local engine no model runs and the voice
 * setting changes nothing, so the model is the local engine and the voice is left out.
 */
export function exportModelFacts(backend: Backend | null, model: string | null, voice: string | null): { model?: string; voice?: string } {
  if (backend === 'local') return { model: LOCAL_ENGINE_LABEL };
  return { ...(model ? { model } : {}), ...(voice ? { voice } : {}) };
}
