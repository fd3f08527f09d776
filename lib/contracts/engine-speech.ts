import { z } from 'zod';

/**
 * What speech the local engine has, as its health check (`GET /health`, field
 * `speech`) reports it: offline recognition (pocketsphinx) and synthesis (flite or
 * espeak-ng), each with the Debian packages that would add it when missing.
 */
export const SPEECH_PACKAGES = {
  recognition: ['libpocketsphinx3', 'pocketsphinx-en-us'],
  synthesis: ['flite'],
} as const;

const speechPartSchema = z.object({
  available: z.boolean(),
  /** Debian packages to install when it is not available. */
  install: z.array(z.string()),
  /** Why not, in words (for logs). */
  problems: z.array(z.string()),
});

export const engineSpeechSchema = z.object({
  recognition: speechPartSchema,
  synthesis: speechPartSchema.extend({ engine: z.enum(['flite', 'espeak-ng']).nullable() }),
});
export type EngineSpeech = z.infer<typeof engineSpeechSchema>;
