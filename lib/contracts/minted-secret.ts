import { z } from 'zod';

/** What the mintClientSecret action returns: a short-lived secret and where to connect. */
export const mintedSecretSchema = z.object({
  backend: z.enum(['local', 'openai']),
  clientSecret: z.string().min(1),
  expiresAt: z.number().int(),
  agentId: z.string(),
  model: z.string(),
  voice: z.string(),
  /** Where the browser connects: the engine's WebSocket URL, or OpenAI's realtime endpoint for the transport (from the server's configured base). */
  url: z.string().optional(),
  sessionId: z.string().optional(),
  /** True: OpenAI tracing is on for this session (absent = off): its audio and text go to the key's traces dashboard. */
  tracing: z.boolean().optional(),
});
export type MintedSecret = z.infer<typeof mintedSecretSchema>;
