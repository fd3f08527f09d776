import { z } from 'zod';

/** GET /api/ready's body (lib/server/services/readiness): what the status banner reads. */
const checkSchema = z.object({ ok: z.boolean(), ms: z.number().optional(), error: z.string().optional() });

export const readinessSchema = z.object({
  ok: z.boolean(),
  database: checkSchema,
  engine: z.union([checkSchema.extend({ backend: z.literal('local'), supervised: z.boolean() }), z.object({ ok: z.literal(true), backend: z.literal('openai') })]),
});
export type Readiness = z.infer<typeof readinessSchema>;
