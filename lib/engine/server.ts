import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { EngineSpeech } from '@/lib/contracts/engine-speech';
import { voiceBed } from './audio-synth';
import { isLoopback, isLoopbackHost, sendError, sendJson } from './http-utils';
import type { TranscriptionLag } from './input-audio';
import { type EngineLimits, resolveLimits } from './limits';
import type { EngineSession } from './session';
import { probeSpeech, speechLogLine } from './speech/capabilities';
import { type PoolOptions } from './speech/synthesis/process-pool';
import { Synthesizer } from './speech/synthesis/synthesizer';
import { type ControlState, handleTestControl, NO_FAULTS } from './test-controls';
import { type Admission, handleUpgrade, REALTIME_PATH, type UpgradeState } from './upgrade';
import { UsedTokens } from './used-tokens';
import { type RecognitionOption, resolveRecognition } from './speech/recognition/engine-recognition';

/**
 * Cue's local realtime engine: a WebSocket server speaking the subset of the
 * OpenAI Realtime protocol that @openai/agents-realtime uses, with scripted,
 * deterministic replies. Auth is a signed short-lived, single-use token
 * (lib/engine/token) that also carries the session config. It holds up to
 * `limits.maxSessions` sessions and refuses more with HTTP 503; a closed
 * session is dropped at once (test controls keep a few recent ones to inspect).
 */
export type EngineOptions = {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  secret: string;
  /** Mount the loopback-only /__test routes. */
  testControls?: boolean;
  /**
   * Browser origins allowed to open a session (a request with no Origin header is a server-side
   * client and is allowed). 'loopback' (the default) allows http(s)://localhost, 127.x and [::1] on any port.
   */
  allowedOrigins?: readonly string[] | 'loopback';
  /** How many times faster than real time replies stream (default 4). */
  paceFactor?: number;
  /** Capacity and size limits (defaults in lib/engine/limits). */
  limits?: Partial<EngineLimits>;
  /** When input transcription follows a turn: after the automatic reply started (default), or a lag in ms. */
  transcriptionLag?: TranscriptionLag;
  /**
   * Replies speak real words with flite or espeak-ng when installed ('auto', the default),
   * or the voice-like tone ('tone', for tests that need exact lengths).
   */
  synthesis?: 'auto' | 'tone';
  /** Bounds on the synthesiser processes (defaults in speech/synthesis/synthesizer). */
  synthesisPool?: Partial<PoolOptions>;
  /** Speech recognition: 'auto' (default: pocketsphinx when installed), null (placeholders), or a recogniser factory. */
  recognition?: RecognitionOption;
  log?: (line: string) => void;
};

export type EngineHandle = {
  url: string;
  httpUrl: string;
  port: number;
  /** What speech the engine has (also in GET /health). */
  speech: EngineSpeech;
  /** The synthesiser replies use, or null (tone). */
  synthesizer: Synthesizer | null;
  /** Open sessions now. */
  sessionCount(): number;
  close(): Promise<void>;
};

/** With test controls, the most sessions kept for inspection (closed ones are dropped first). */
const MAX_SESSIONS_KEPT = 64;
/** Request headers the engine accepts: the engine token travels as a WebSocket subprotocol. */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

export async function startEngine(opts: EngineOptions): Promise<EngineHandle> {
  if (!opts.secret) throw new Error('startEngine: a secret is required to verify client tokens');
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => undefined);
  const limits = resolveLimits(opts.limits);
  voiceBed(); // made once now, not during the first reply
  const speech = await probeSpeech({ synthesis: opts.synthesis !== 'tone' });
  log(speechLogLine(speech));
  const synthesizer = speech.synthesis.engine ? new Synthesizer(speech.synthesis.engine, opts.synthesisPool) : null;
  const control: ControlState = { sessions: [], faults: { ...NO_FAULTS } };
  const open = new Set<EngineSession>();
  const upgrades: UpgradeState = { pending: 0 };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    clientTracking: false,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });
  const keep = (session: EngineSession) => {
    control.sessions.push(session);
    while (control.sessions.length > MAX_SESSIONS_KEPT) {
      const closed = control.sessions.findIndex((s) => !s.open);
      if (closed === -1) break;
      control.sessions.splice(closed, 1);
    }
  };
  const admission: Admission = {
    secret: opts.secret,
    limits,
    paceFactor: opts.paceFactor ?? 4,
    synthesizer,
    transcriptionLag: opts.transcriptionLag ?? 'after_response',
    recognizerFactory: resolveRecognition(opts.recognition, log),
    recordEvents: opts.testControls === true,
    wss,
    usedTokens: new UsedTokens(),
    open,
    faults: () => control.faults,
    log,
    onSession: opts.testControls ? keep : undefined,
    allowedOrigins: opts.allowedOrigins ?? 'loopback',
  };

  const health = () => ({
    ok: true,
    sessions: open.size,
    joining: upgrades.pending,
    capacity: limits.maxSessions,
    atCapacity: open.size + upgrades.pending >= limits.maxSessions,
    speech,
    // Tests kill the engine process by its pid to prove the supervisor brings it back.
    ...(opts.testControls ? { pid: process.pid } : {}),
  });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://engine.local');
    if (url.pathname === '/health' && req.method === 'GET') return sendJson(res, 200, health());
    if (url.pathname === '/__test' || url.pathname.startsWith('/__test/')) {
      if (!opts.testControls) return sendError(res, { status: 404, code: 'not_found', message: 'Test controls are disabled.' });
      if (!isLoopback(req.socket.remoteAddress)) return sendError(res, { status: 403, code: 'forbidden', message: 'Test controls answer loopback clients only.' });
      // A loopback socket is not enough: a web page could reach it through DNS rebinding, with its own Host.
      if (!isLoopbackHost(req.headers.host)) return sendError(res, { status: 403, code: 'forbidden', message: 'Test controls answer requests addressed to a loopback host only.' });
      void handleTestControl(req, res, url, control);
      return;
    }
    sendError(res, { status: 404, code: 'not_found', message: `Nothing at ${url.pathname}. The realtime socket is at ${REALTIME_PATH}.` });
  };

  // A role-play token carries its persona brief and session config in the upgrade headers.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, onRequest);
  server.on('upgrade', (req, socket, head) => {
    handleUpgrade(admission, upgrades, req, socket, head).catch((error: unknown) => {
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
      const sessions = [...open];
      for (const s of sessions) s.close();
      await new Promise((r) => setTimeout(r, 50));
      for (const s of sessions) s.drop(); // whoever did not finish the close handshake
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };

  return { url: `ws://${urlHost}:${port}${REALTIME_PATH}`, httpUrl: `http://${urlHost}:${port}`, port, speech, synthesizer, sessionCount: () => open.size, close };
}
