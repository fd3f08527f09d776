import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Env } from '@/lib/server/env-schema';
import { PhoneCall, type CallAuth, type PhoneCallDeps } from './call-session';
import { SIMULATOR_PROTOCOL_PREFIX, verifySimulatorToken } from './simulator-token';
import { publicUrl, validTwilioSignature } from './twilio-signature';

/**
 * The /call WebSocket endpoint, mounted on the app's own HTTP server (scripts/app-server.ts):
 * every upgrade is checked before a socket opens. Twilio's carries X-Twilio-Signature over the
 * wss:// URL of /call (CUE_PUBLIC_URL); the phone simulator's carries a signed, single-use
 * token as its subprotocol. Without TWILIO_AUTH_TOKEN and CUE_PUBLIC_URL only the simulator
 * can connect (fail closed, logged once). Past CUE_PHONE_MAX_CALLS an upgrade gets 503.
 */
const CALL_PATH = '/call';

export type PhoneGateway = {
  handles(req: IncomingMessage): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly calls: ReadonlySet<PhoneCall>;
  close(): Promise<void>;
};

function refuse(socket: Duplex, status: number, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code: status === 503 ? 'phone_at_capacity' : 'forbidden', message } });
  const headers = Object.entries({ 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', ...extra })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${status === 503 ? 'Service Unavailable' : 'Forbidden'}\r\n${headers}\r\n\r\n${body}`);
}

function protocols(req: IncomingMessage): string[] {
  return String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function createPhoneGateway(opts: { env: Env; deps: PhoneCallDeps }): PhoneGateway {
  const { env, deps } = opts;
  const calls = new Set<PhoneCall>();
  let warnedUnconfigured = false;
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: 64 * 1024,
    handleProtocols: (offered) => [...offered].find((p) => p.startsWith(SIMULATOR_PROTOCOL_PREFIX)) ?? false,
  });

  function authorize(req: IncomingMessage): { ok: true; auth: CallAuth } | { ok: false; why: string } {
    const sim = protocols(req).find((p) => p.startsWith(SIMULATOR_PROTOCOL_PREFIX));
    if (sim) {
      if (!env.CUE_ENGINE_SECRET) return { ok: false, why: 'the simulator key (CUE_ENGINE_SECRET) is not set' };
      const check = verifySimulatorToken(env.CUE_ENGINE_SECRET, sim.slice(SIMULATOR_PROTOCOL_PREFIX.length));
      return check.ok ? { ok: true, auth: { kind: 'simulator', agentId: check.claims.agentId, userId: check.claims.userId } } : { ok: false, why: `simulator token: ${check.reason}` };
    }
    if (!env.TWILIO_AUTH_TOKEN || !env.CUE_PUBLIC_URL) {
      if (!warnedUnconfigured) deps.log('/call refused Twilio: TWILIO_AUTH_TOKEN and CUE_PUBLIC_URL must both be set to verify its signature (fail closed)');
      warnedUnconfigured = true;
      return { ok: false, why: 'the phone line is not configured' };
    }
    const signature = req.headers['x-twilio-signature'];
    const valid = validTwilioSignature({ authToken: env.TWILIO_AUTH_TOKEN, url: publicUrl(env.CUE_PUBLIC_URL, CALL_PATH, 'ws'), signature: typeof signature === 'string' ? signature : null });
    return valid ? { ok: true, auth: { kind: 'twilio' } } : { ok: false, why: `${signature ? 'bad' : 'missing'} X-Twilio-Signature` };
  }

  return {
    calls,
    handles(req) {
      return new URL(req.url ?? '/', 'http://app.local').pathname === CALL_PATH;
    },
    handleUpgrade(req, socket, head) {
      socket.on('error', () => undefined);
      const verdict = authorize(req);
      if (!verdict.ok) {
        deps.log(`/call upgrade refused: ${verdict.why}`);
        return refuse(socket, 403, `Refused: ${verdict.why}.`);
      }
      if (calls.size >= env.CUE_PHONE_MAX_CALLS) {
        deps.log(`/call upgrade refused: ${calls.size} calls running (CUE_PHONE_MAX_CALLS)`);
        return refuse(socket, 503, 'The phone line is at capacity. Try again shortly.', { 'Retry-After': '5' });
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const call = new PhoneCall(ws, verdict.auth, deps, { inputBatchMs: env.CUE_PHONE_INPUT_BATCH_MS });
        calls.add(call);
        void call.done.then(() => calls.delete(call));
      });
    },
    async close() {
      await Promise.all([...calls].map((c) => c.end('socket_closed')));
      wss.close();
    },
  };
}
