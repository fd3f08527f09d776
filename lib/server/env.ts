import 'server-only';
import { parseEnv, realtimeBackend as backendOf, type Env } from '@/lib/server/env-schema';

/**
 * The one place the app reads process.env. Parsed once, on first use, so a bad
 * value fails loudly with the variable's name instead of deep inside a request.
 */
let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Which realtime backend the app uses: decided here and nowhere else. */
export function realtimeBackend(e: Env = env()): 'local' | 'openai' {
  return backendOf(e);
}

export type { Env };
