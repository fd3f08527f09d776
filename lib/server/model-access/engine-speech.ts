import 'server-only';
import { type EngineSpeech, engineSpeechSchema } from '@/lib/contracts/engine-speech';
import { env } from '@/lib/server/env';

/**
 * What speech the local engine has, from its health check (GET /health beside the
 * realtime socket in CUE_ENGINE_URL), read on the server for the pages' badge.
 * A known answer is kept for 5 s; an engine that does not answer (not started
 * yet, another version) gives null, and the badge says only "Local engine".
 */
const TIMEOUT_MS = 800;
const KEEP_MS = 5_000;
let known: { speech: EngineSpeech; at: number } | null = null;

export function engineHealthUrl(engineUrl: string): string {
  const url = new URL(engineUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/health';
  url.search = '';
  return url.toString();
}

export async function readEngineSpeech(deps: { engineUrl?: string; fetch?: typeof fetch; now?: () => number } = {}): Promise<EngineSpeech | null> {
  const now = (deps.now ?? Date.now)();
  if (known && now - known.at < KEEP_MS && !deps.fetch) return known.speech;
  try {
    const res = await (deps.fetch ?? fetch)(engineHealthUrl(deps.engineUrl ?? env().CUE_ENGINE_URL), { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
    if (!res.ok) return null;
    const parsed = engineSpeechSchema.safeParse(((await res.json()) as { speech?: unknown }).speech);
    if (!parsed.success) return null;
    known = { speech: parsed.data, at: now };
    return parsed.data;
  } catch {
    return null;
  }
}
