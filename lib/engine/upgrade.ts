import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { originAllowed, rejectUpgrade, tokenFromUpgrade } from './http-utils';
import type { TranscriptionLag } from './input-audio';
import { type EngineLimits, LIMIT_ERROR_CODES } from './limits';
import { EngineSession, type Faults } from './session';
import type { Synthesizer } from './speech/synthesis/synthesizer';
import { verifyEngineToken } from './token';
import type { UsedTokens } from './used-tokens';
import type { RecognizerFactory } from './speech/recognition/recognizer';

/**
 * Who may open a session: a valid, unexpired, unused token, while the engine
 * has room. Refusals are plain HTTP answers with a JSON `{ error: { code,
 * message } }` body, before any socket opens: 401 for tokens (`invalid_token`,
 * `expired_token`, `token_already_used`), 403 `origin_not_allowed` for a browser page of
 * another origin, 503 `engine_at_capacity` past
 * `maxSessions`, 404 off the realtime path.
 */
export const REALTIME_PATH = '/v1/realtime';
const DEFAULT_MODEL = 'gpt-realtime';
const RETRY_AFTER_SECONDS = 5;

export type Admission = {
  secret: string;
  limits: EngineLimits;
  paceFactor: number;
  synthesizer: Synthesizer | null;
  transcriptionLag: TranscriptionLag;
  recognizerFactory: RecognizerFactory | null;
  recordEvents: boolean;
  wss: WebSocketServer;
  usedTokens: UsedTokens;
  /** Sessions open now; a closed session leaves it at once. */
  open: Set<EngineSession>;
  faults: () => Faults;
  log: (line: string) => void;
  /** Test controls keep recent sessions (closed ones too) to inspect. */
  onSession?: (session: EngineSession) => void;
  /** Browser origins that may connect (see EngineOptions.allowedOrigins). */
  allowedOrigins: readonly string[] | 'loopback';
};

export type UpgradeState = { pending: number };

export async function handleUpgrade(a: Admission, state: UpgradeState, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  socket.on('error', () => undefined);
  const url = new URL(req.url ?? '/', 'http://engine.local');
  if (url.pathname !== REALTIME_PATH) {
    return rejectUpgrade(socket, 404, { error: { code: 'not_found', message: `The realtime socket is at ${REALTIME_PATH}.` } });
  }
  const origin = req.headers.origin;
  if (!originAllowed(origin, a.allowedOrigins)) {
    a.log(`upgrade refused: origin ${origin} is not one of the app's origins`);
    return rejectUpgrade(socket, 403, { error: { code: 'origin_not_allowed', message: `Pages from ${origin} may not use this engine; only the app's own origins may.` } });
  }
  const { connectDelayMs, refuseConnections } = a.faults();
  if (connectDelayMs > 0) await new Promise((r) => setTimeout(r, connectDelayMs));
  if (socket.destroyed) return;
  if (refuseConnections) {
    a.log('upgrade refused (fault injected)');
    return rejectUpgrade(socket, 503, { error: { code: 'engine_unavailable', message: 'The local engine is refusing connections (test fault).' } });
  }
  const token = tokenFromUpgrade(req);
  const check = token ? verifyEngineToken(token, a.secret) : ({ ok: false, reason: 'malformed' } as const);
  if (!check.ok) {
    a.log(`upgrade refused: ${check.reason}`);
    const code = check.reason === 'expired' ? 'expired_token' : 'invalid_token';
    const message = check.reason === 'expired' ? 'The client secret has expired; mint a new one.' : 'The client secret is missing or invalid.';
    return rejectUpgrade(socket, 401, { error: { code, message } });
  }
  const { claims } = check;
  if (a.usedTokens.has(claims.jti)) {
    a.log(`upgrade refused: token ${claims.jti} already used`);
    return rejectUpgrade(socket, 401, {
      error: { code: LIMIT_ERROR_CODES.tokenAlreadyUsed, message: 'This client secret already opened a session; each one opens one session. Mint a new one.' },
    });
  }
  if (a.open.size + state.pending >= a.limits.maxSessions) {
    a.log(`upgrade refused: at capacity (${a.open.size} open, ${state.pending} joining, max ${a.limits.maxSessions})`);
    return rejectUpgrade(
      socket,
      503,
      { error: { code: LIMIT_ERROR_CODES.atCapacity, message: `The local engine is at capacity (${a.limits.maxSessions} sessions). Try again shortly.` } },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  a.usedTokens.claim(claims.jti, claims.exp);
  state.pending += 1;
  let settled = false;
  const settle = () => {
    if (settled) return false;
    settled = true;
    state.pending -= 1;
    return true;
  };
  socket.once('close', settle);
  a.wss.handleUpgrade(req, socket, head, (ws) => {
    if (!settle()) return ws.terminate();
    socket.off('close', settle);
    const maxSeconds = Math.min(a.limits.maxSessionSeconds, claims.max_session_s ?? Infinity);
    const session = new EngineSession({
      ws,
      socket,
      id: claims.sid,
      agent: claims.agent,
      model: url.searchParams.get('model') || DEFAULT_MODEL,
      minted: claims.session,
      persona: claims.persona ?? null,
      maxDurationMs: maxSeconds * 1000,
      paceFactor: a.paceFactor,
      synthesizer: a.synthesizer,
      limits: a.limits,
      transcriptionLag: a.transcriptionLag,
      recognizerFactory: a.recognizerFactory,
      recordEvents: a.recordEvents,
      faults: a.faults,
      log: a.log,
      onClosed: (s) => a.open.delete(s),
    });
    a.open.add(session);
    a.onSession?.(session);
    a.log(`session ${claims.sid}: connected (agent ${claims.agent})`);
    session.start();
  });
}
