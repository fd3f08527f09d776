import type { Backend } from '@/lib/realtime/store/types';

/** What the local engine is, in the words every badge and export uses. */
export const LOCAL_ENGINE_LABEL = 'Local engine (scripted, no AI)';

/** The badge text: the local engine, or the OpenAI model in use. */
export function backendLabel(backend: Backend, model: string | null): string {
  return backend === 'local' ? LOCAL_ENGINE_LABEL : `OpenAI ${model ?? 'realtime'}`;
}

/**
 * The model and voice an export states. On the local engine no model runs and the voice
 * setting changes nothing, so the model is the local engine and the voice is left out.
 */
export function exportModelFacts(backend: Backend | null, model: string | null, voice: string | null): { model?: string; voice?: string } {
  if (backend === 'local') return { model: LOCAL_ENGINE_LABEL };
  return { ...(model ? { model } : {}), ...(voice ? { voice } : {}) };
}
