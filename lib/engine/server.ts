import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { isLoopback, rejectUpgrade, sendError, sendJson, tokenFromUpgrade } from './http-utils';
import { EngineSession } from './session';
import { type ControlState, handleTestControl, NO_FAULTS } from './test-controls';
import { verifyEngineToken } from './token';

/**
 * Cue's local realtime engine: a WebSocket server speaking the subset of the
 * OpenAI Realtime protocol that @openai/agents-realtime uses, with scripted,
 * deterministic replies. Auth is a signed short-lived token (lib/engine/token).
 */
export type EngineOptions = {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  secret: string;
  /** Mount the loopback-only /__test routes. */
  testControls?: boolean;
  /** How many times faster than real time replies stream (default 4). */
  paceFactor?: number;
  log?: (line: string) => void;
};

export type EngineHandle = { url: string; httpUrl: string; port: number; close(): Promise<void> };

export const REALTIME_PATH = '/v1/realtime';
const MAX_SESSIONS_KEPT = 200;
const DEFAULT_MODEL = 'gpt-realtime';
export const MAX_HEADER_BYTES = 64 * 1024;

export async function startEngine(opts: EngineOptions): Promise<EngineHandle> {
  if (!opts.secret) throw new Error('startEngine: a secret is required to verify client tokens');
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => undefined);
  const paceFactor = opts.paceFactor ?? 4;
  const state: ControlState = { sessions: [], faults: { ...NO_FAULTS } };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://engine.local');
    if (url.pathname === '/health' && req.method === 'GET') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/__test' || url.pathname.startsWith('/__test/')) {
      if (!opts.testControls) return sendError(res, { status: 404, code: 'not_found', message: 'Test controls are disabled.' });
      if (!isLoopback(req.socket.remoteAddress)) return sendError(res, { status: 403, code: 'forbidden', message: 'Test controls answer loopback clients only.' });
      void handleTestControl(req, res, url, state);
      return;
    }
    sendError(res, { status: 404, code: 'not_found', message: `Nothing at ${url.pathname}. The realtime socket is at ${REALTIME_PATH}.` });
  };

  const addSession = (session: EngineSession) => {
    state.sessions.push(session);
    while (state.sessions.length > MAX_SESSIONS_KEPT) {
      const closed = state.sessions.findIndex((s) => !s.open);
      if (closed === -1) break;
      state.sessions.splice(closed, 1);
    }
  };

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://engine.local');
    if (url.pathname !== REALTIME_PATH) {
      return rejectUpgrade(socket, 404, { error: { code: 'not_found', message: `The realtime socket is at ${REALTIME_PATH}.` } });
    }
    const { connectDelayMs, refuseConnections } = state.faults;
    if (connectDelayMs > 0) await new Promise((r) => setTimeout(r, connectDelayMs));
    if (socket.destroyed) return;
    if (refuseConnections) {
      log('upgrade refused (fault injected)');
      return rejectUpgrade(socket, 503, { error: { code: 'engine_unavailable', message: 'The local engine is refusing connections (test fault).' } });
    }
    const token = tokenFromUpgrade(req);
    const check = token ? verifyEngineToken(token, opts.secret) : ({ ok: false, reason: 'malformed' } as const);
    if (!check.ok) {
      log(`upgrade refused: ${check.reason}`);
      const code = check.reason === 'expired' ? 'expired_token' : 'invalid_token';
      const message = check.reason === 'expired' ? 'The client secret has expired; mint a new one.' : 'The client secret is missing or invalid.';
      return rejectUpgrade(socket, 401, { error: { code, message } });
    }
    const { claims } = check;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new EngineSession({
        ws,
        id: claims.sid,
        agent: claims.agent,
        model: url.searchParams.get('model') || DEFAULT_MODEL,
        expiresAt: claims.exp,
        persona: claims.persona ?? null,
        paceFactor,
        recordEvents: opts.testControls === true,
        faults: () => state.faults,
        log,
      });
      addSession(session);
      log(`session ${claims.sid}: connected (agent ${claims.agent})`);
      session.start();
    });
  };

  // A role-play token carries its persona brief (a few KB, up to ~20 KB for the largest scenario) in the upgrade headers.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, onRequest);
  server.on('upgrade', (req, socket, head) => {
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log(`upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const s of state.sessions) if (s.open) s.close();
      await new Promise((r) => setTimeout(r, 50));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };

  return { url: `ws://${urlHost}:${port}${REALTIME_PATH}`, httpUrl: `http://${urlHost}:${port}`, port, close };
}
