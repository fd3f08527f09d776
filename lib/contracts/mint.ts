import { z } from 'zod';
import { realtimeModelSchema, voiceSchema } from '@/lib/contracts/agent-config';
import { MAX_TRANSCRIPTION_KEYWORDS } from '@/lib/contracts/models';
import { plainText } from '@/lib/contracts/safe-text';

/** Input of the mintClientSecret server action; shared with the client that calls it. */
export const mintInputSchema = z.object({
  agentId: z.string().min(1).max(60),
  transport: z.enum(['webrtc', 'websocket']).optional(),
  overrides: z
    .object({
      model: realtimeModelSchema.optional(),
      voice: voiceSchema.optional(),
      /** The phrases the page listens for (trigger and interrupt phrases), as transcription keywords. */
      transcriptionKeywords: z.array(plainText().trim().min(1).max(60)).max(MAX_TRANSCRIPTION_KEYWORDS).optional(),
      /** OpenAI tracing for this session; off unless true. */
      tracing: z.boolean().optional(),
    })
    .strict()
    .optional(),
  /** Role-play: the stored practice session whose scenario and difficulty build the persona. */
  practiceSessionId: plainText().min(1).max(100).optional(),
});

/** What a page asks the mint action for (the role-play page adds `practiceSessionId`). Written once, here. */
export type MintInput = z.input<typeof mintInputSchema>;
