import WebSocket from 'ws';
import { type EngineHandle, type EngineOptions, startEngine } from './server';
import { type MintEngineTokenInput, mintEngineToken } from './token';

/** Helpers for the engine's own tests: start an engine, mint tokens, drive a raw socket. */
export const TEST_SECRET = 'engine-test-secret';

/** An engine for tests: fast pacing, and the tone (exact lengths) unless `synthesis: 'auto'` is asked for. */
export function startTestEngine(opts: Partial<EngineOptions> = {}): Promise<EngineHandle> {
  return startEngine({ secret: TEST_SECRET, testControls: true, paceFactor: 40, synthesis: 'tone', recognition: null, ...opts });
}

export function mint(
  agentId = 'practice-partner',
  ttlSeconds = 60,
  extra: Pick<MintEngineTokenInput, 'session' | 'maxSessionSeconds'> = {},
): { value: string; sessionId: string; tokenId: string } {
  return mintEngineToken({ secret: TEST_SECRET, agentId, ttlSeconds, ...extra });
}

export type ServerEvent = { type: string; event_id: string; [key: string]: unknown };

export class RawClient {
  readonly events: ServerEvent[] = [];
  #waiters: { match: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as ServerEvent;
      this.events.push(event);
      this.#waiters = this.#waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    });
  }

  static async connect(url: string, token: string): Promise<RawClient> {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await client.next('session.created');
    return client;
  }

  send(event: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(event));
  }

  /** The next event of `type` (matching `where`) at or after index `from` (default: any already received). */
  next(type: string, where: (e: ServerEvent) => boolean = () => true, { from = 0, timeoutMs = 4000 } = {}): Promise<ServerEvent> {
    const match = (e: ServerEvent) => e.type === type && where(e);
    const seen = this.events.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}; got ${this.types().join(', ')}`)), timeoutMs);
      this.#waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  types(from = 0): string[] {
    return this.events.slice(from).map((e) => e.type);
  }

  close(): void {
    this.ws.close();
  }
}

export async function control(engine: EngineHandle, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${engine.httpUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
