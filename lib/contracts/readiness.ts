/**
 * GET /api/ready's body (lib/server/services/readiness): what the status banner reads. Plain
 * types, no zod: the banner is in the root layout, so whatever it imports every page loads
 * (lib/shared/service-status.ts checks the shape by hand).
 */
type Check = { ok: boolean; ms?: number; error?: string };

export type Readiness = {
  ok: boolean;
  database: Check;
  engine: (Check & { backend: 'local'; supervised: boolean }) | { ok: true; backend: 'openai' };
};
