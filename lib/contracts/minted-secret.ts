import { z } from 'zod';

/** What the mintClientSecret action returns: a short-lived secret and where to connect. */
export const mintedSecretSchema = z.object({
  backend: z.enum(['local', 'openai']),
  clientSecret: z.string().min(1),
  expiresAt: z.number().int(),
  agentId: z.string(),
  model: z.string(),
  voice: z.string(),
  url: z.string().optional(),
  sessionId: z.string().optional(),
});
export type MintedSecret = z.infer<typeof mintedSecretSchema>;
