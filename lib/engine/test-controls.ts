import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isHttpError, readJsonBody, sendError, sendJson } from './http-utils';
import { toWireItem } from './conversation';
import type { EngineSession, Faults } from './session';

/**
 * Loopback-only JSON routes that let tests drive the engine: inspect sessions
 * and what they received, inject utterances, errors, drops, tool calls and
 * connection faults. Mounted only when the engine starts with testControls.
 */
export type ControlState = { sessions: EngineSession[]; faults: Faults };

const utteranceSchema = z.object({ text: z.string().trim().min(1).max(2000), durationMs: z.number().int().min(100).max(60_000).optional() });
const errorSchema = z.object({ code: z.string().min(1).optional(), message: z.string().min(1).optional(), type: z.string().min(1).optional() });
const toolCallSchema = z.object({ name: z.string().min(1).max(64), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).default({}) });
const faultsSchema = z.object({
  connectDelayMs: z.number().int().min(0).max(60_000).optional(),
  refuseConnections: z.boolean().optional(),
  responseDelayMs: z.number().int().min(0).max(60_000).optional(),
  /** Input transcription lag after a commit, ms; null: the engine's default (after the reply started). */
  transcriptionLagMs: z.number().int().min(0).max(60_000).nullable().optional(),
});

export const NO_FAULTS: Faults = { connectDelayMs: 0, refuseConnections: false, responseDelayMs: 0, transcriptionLagMs: null };

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw { status: 400, code: 'invalid_request', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
}

function findSession(state: ControlState, id: string): EngineSession {
  const session = id === 'latest' ? state.sessions.at(-1) : state.sessions.findLast((s) => s.id === id);
  if (!session) throw { status: 404, code: 'session_not_found', message: `No session '${id}'.` };
  return session;
}

function openSession(state: ControlState, id: string): EngineSession {
  const session = findSession(state, id);
  if (!session.open) throw { status: 409, code: 'session_closed', message: `Session '${session.id}' is closed.` };
  return session;
}

function summary(s: EngineSession) {
  return { id: s.id, agent: s.agent, connectedAt: s.connectedAt.toISOString(), open: s.open };
}

export async function handleTestControl(req: IncomingMessage, res: ServerResponse, url: URL, state: ControlState): Promise<void> {
  try {
    const route = url.pathname.replace(/^\/__test/, '').replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    if (route === '/sessions' && method === 'GET') return sendJson(res, 200, state.sessions.map(summary));
    if (route === '/faults') {
      if (method === 'GET') return sendJson(res, 200, { ok: true, faults: state.faults });
      if (method === 'DELETE') {
        state.faults = { ...NO_FAULTS };
        return sendJson(res, 200, { ok: true, faults: state.faults });
      }
      if (method === 'POST') {
        state.faults = { ...state.faults, ...parse(faultsSchema, await readJsonBody(req)) };
        return sendJson(res, 200, { ok: true, faults: state.faults });
      }
    }
    const m = /^\/sessions\/([^/]+)(?:\/([a-z-]+))?$/.exec(route);
    if (m?.[1]) {
      const id = decodeURIComponent(m[1]);
      const action = m[2];
      if (!action && method === 'GET') {
        const s = findSession(state, id);
        return sendJson(res, 200, {
          ...summary(s),
          config: s.config,
          conversation: s.conversation.items.map(toWireItem),
          activeResponseId: s.activeResponse?.id ?? null,
          outOfBandResponseIds: s.responses.outOfBandIds,
        });
      }
      if (action === 'received' && method === 'GET') {
        const type = url.searchParams.get('type');
        const events = findSession(state, id).received;
        return sendJson(res, 200, type ? events.filter((e) => e.type === type) : events);
      }
      if (method === 'POST' && action === 'utterance') {
        const body = parse(utteranceSchema, await readJsonBody(req));
        const session = openSession(state, id);
        try {
          const { itemId } = await session.input.injectUtterance(body.text, body.durationMs);
          return sendJson(res, 200, { ok: true, itemId, responseId: session.activeResponse?.id ?? null });
        } catch (error) {
          if (!session.open) throw { status: 409, code: 'session_closed', message: 'The session closed during the utterance.' };
          throw error;
        }
      }
      if (method === 'POST' && action === 'error') {
        const body = parse(errorSchema, await readJsonBody(req));
        openSession(state, id).sendError({
          type: (body.type ?? 'server_error') as 'server_error',
          code: body.code ?? 'server_error',
          message: body.message ?? 'Injected error from the local engine test controls.',
          param: null,
          event_id: null,
        });
        return sendJson(res, 200, { ok: true });
      }
      if (method === 'POST' && action === 'drop') {
        openSession(state, id).drop();
        return sendJson(res, 200, { ok: true });
      }
      if (method === 'POST' && action === 'tool-call') {
        const body = parse(toolCallSchema, await readJsonBody(req));
        const args = typeof body.arguments === 'string' ? body.arguments : JSON.stringify(body.arguments);
        const started = openSession(state, id).startToolCall(body.name, args);
        if (!started.ok) throw { status: 409, code: started.error.code, message: started.error.message };
        return sendJson(res, 200, { ok: true, responseId: started.responseId });
      }
    }
    sendError(res, { status: 404, code: 'not_found', message: `No test control ${method} ${url.pathname}.` });
  } catch (error) {
    if (isHttpError(error)) return sendError(res, error);
    sendError(res, { status: 500, code: 'server_error', message: error instanceof Error ? error.message : String(error) });
  }
}
