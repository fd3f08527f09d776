import 'server-only';
import { OpenAIProvider } from '@openai/agents';
import { env } from '@/lib/server/env';

/**
 * The OpenAI model provider for text agents (the debrief coach). Lives here so
 * that lib/model-access stays the only place that reads OPENAI_API_KEY.
 * Returns null when no key is configured.
 */
export function openAITextModelProvider(): OpenAIProvider | null {
  const { OPENAI_API_KEY, OPENAI_BASE_URL } = env();
  if (!OPENAI_API_KEY) return null;
  return new OpenAIProvider({ apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL });
}
