import { z } from 'zod';
import { sseFrame } from '@/lib/assist/suggest/suggest-events';
import { AUTH_ERROR_MESSAGES } from '@/lib/contracts/action-result';
import { currentActor } from '@/lib/server/auth/actor';
import { checkOwnership } from '@/lib/server/auth/guard';
import { assistTextModel } from '@/lib/server/model-access/text-model-provider';
import { assistDb } from '@/lib/server/services/assist/assist-db';
import { streamSuggestion } from '@/lib/server/services/assist/suggest-service';

/**
 * POST { callId, question? } -> text/event-stream of SuggestEvent frames for one suggestion run.
 * Closing the request (the page cancels a stale run) aborts the agent run. Signed in only (401),
 * and only for the agent's own call (403), like the assist actions.
 */

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ callId: z.uuid(), question: z.string().trim().min(1).max(500).nullable().optional() });

export async function POST(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return Response.json({ error: { code: 'unauthenticated', message: AUTH_ERROR_MESSAGES.unauthenticated } }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: { code: 'invalid_input', message: 'Expected { callId, question? }.' } }, { status: 400 });
  const refused = await checkOwnership(actor, 'assist_call', parsed.data.callId, 'write');
  if (refused) return Response.json(refused, { status: 403 });
  const db = await assistDb();
  const events = streamSuggestion(db, assistTextModel(), { callId: parsed.data.callId, question: parsed.data.question ?? null, signal: request.signal });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(sseFrame(next.value)));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
}
