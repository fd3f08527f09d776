import 'server-only';
import { OpenAIProvider, type ModelProvider } from '@openai/agents';
import { LOCAL_ASSIST_MODEL, LocalAssistModelProvider } from '@/lib/assist/suggest/local-assist-model';
import { env, realtimeBackend } from '@/lib/server/env';

/**
 * The model providers for text agents (the debrief coach, agent assist). Lives here so that
 * lib/server/model-access stays the only place that reads OPENAI_API_KEY.
 */

/** OpenAI's provider, or null when no key is configured. */
export function openAITextModelProvider(): OpenAIProvider | null {
  const { OPENAI_API_KEY, OPENAI_BASE_URL } = env();
  if (!OPENAI_API_KEY) return null;
  return new OpenAIProvider({ apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL });
}

const ASSIST_OPENAI_MODEL = 'gpt-4.1-mini';

export type AssistModelChoice = { backend: 'local' | 'openai'; provider: ModelProvider; model: string };

/**
 * The text model for agent-assist suggestions: OpenAI when the app runs on OpenAI, otherwise the
 * local assist model (deterministic, offline), chosen by the same rule as the realtime backend.
 */
export function assistTextModel(): AssistModelChoice {
  const openai = realtimeBackend() === 'openai' ? openAITextModelProvider() : null;
  if (openai) return { backend: 'openai', provider: openai, model: ASSIST_OPENAI_MODEL };
  return { backend: 'local', provider: new LocalAssistModelProvider(), model: LOCAL_ASSIST_MODEL };
}

/**
 * The text model for the after-call summary (an Agent with a structured output): the same
 * choice as the suggestions, OpenAI when the app runs on OpenAI, otherwise the local model, which
 * answers with the offline rubric.
 */
export function assistSummaryModel(): AssistModelChoice {
  return assistTextModel();
}
