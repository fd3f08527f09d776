import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEnv, type Env } from '@/lib/server/env-schema';
import type { EngineHandle } from '@/lib/engine/server';
import { startEngine } from '@/lib/engine/server';
import type { NewPhoneCallRow } from '@/lib/server/db/phone-calls-schema';
import { phoneRealtimeAccess } from '@/lib/server/model-access/phone-realtime';
import type { PhoneAgentConfig } from '@/lib/contracts/phone-agent';
import type { Database } from '@/lib/server/db/client';
import { builtinPhoneAgentSource, type BuiltinPhoneAgentSource } from '../agent-source';
import type { CallStore } from '../call-log';
import { createPhoneGateway, type PhoneGateway } from '../gateway';
import { answerVoiceWebhook } from '../voice-webhook';

/**
 * The phone path with no Next and no network, for tests and the bench: the local engine, an HTTP
 * server answering POST /twiml and upgrading /call (the same functions the app mounts), a fake
 * Twilio REST API (records call updates) and an in-memory call store.
 */
export const AUTH_TOKEN = 'test-twilio-auth-token';
export const ACCOUNT_SID = 'AC00000000000000000000000000000000';
const ENGINE_SECRET = 'phone-test-engine-secret';

export type MemoryStore = CallStore & { rows: Map<string, NewPhoneCallRow> };

export function memoryStore(): MemoryStore {
  const rows = new Map<string, NewPhoneCallRow>();
  return {
    rows,
    async insert(row) {
      rows.set(row.id, structuredClone(row));
    },
    async update(id, patch) {
      const row = rows.get(id);
      if (row) rows.set(id, { ...row, ...structuredClone(patch) });
    },
  };
}

type RestUpdate = { path: string; auth: string | undefined; twiml: string };

export type PhoneHarness = {
  appUrl: string;
  env: Env;
  engine: EngineHandle;
  gateway: PhoneGateway;
  agents: BuiltinPhoneAgentSource;
  store: MemoryStore;
  restUpdates: RestUpdate[];
  logs: string[];
  close(): Promise<void>;
};

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startPhoneHarness(opts: {
  agents: PhoneAgentConfig[];
  engine?: EngineHandle;
  engineOptions?: Partial<Parameters<typeof startEngine>[0]>;
  env?: Record<string, string>;
  maxCalls?: number;
  /** The database the lookup tools read (a test's seeded PGlite); without it they answer `{ error }`. */
  lookupDb?: () => Promise<Database>;
  /** Print the gateway's log lines as they come. */
  verbose?: boolean;
}): Promise<PhoneHarness> {
  const logs: string[] = [];
  const engine =
    opts.engine ??
    (await startEngine({ secret: ENGINE_SECRET, testControls: true, paceFactor: 4, synthesis: 'tone', recognition: null, ...opts.engineOptions }));
  const restUpdates: RestUpdate[] = [];
  const rest = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      restUpdates.push({ path: req.url ?? '', auth: req.headers.authorization, twiml: new URLSearchParams(body).get('Twiml') ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: 'CA', status: 'in-progress' }));
    });
  });
  const restPort = await listen(rest);
  const server = http.createServer();
  const port = await listen(server);
  const appUrl = `http://127.0.0.1:${port}`;
  const env = parseEnv({
    CUE_ENGINE_URL: engine.url,
    CUE_ENGINE_SECRET: ENGINE_SECRET,
    CUE_REALTIME_BACKEND: 'local',
    CUE_PUBLIC_URL: appUrl,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_API_BASE_URL: `http://127.0.0.1:${restPort}`,
    CUE_PHONE_MAX_CALLS: String(opts.maxCalls ?? 300),
    ...opts.env,
  });
  const agents = builtinPhoneAgentSource(opts.agents, opts.agents[0]?.id);
  const store = memoryStore();
  const log = (line: string) => {
    logs.push(line);
    if (opts.verbose) console.log(line);
  };
  const gateway = createPhoneGateway({
    env,
    deps: {
      agentSource: agents,
      store,
      access: (cfg) => phoneRealtimeAccess(env, { agentId: cfg.id, model: cfg.model, maxCallSeconds: cfg.maxCallSeconds }),
      twilio: env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN ? { baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN } : null,
      ...(opts.lookupDb ? { lookupDb: opts.lookupDb } : {}),
      log,
    },
  });
  server.on('request', (req, res) => {
    if (req.method !== 'POST' || req.url !== '/twiml') return void res.writeHead(404).end();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const header = req.headers['x-twilio-signature'];
      void answerVoiceWebhook({ env, signature: typeof header === 'string' ? header : null, params: Object.fromEntries(new URLSearchParams(body)), agentSource: agents, log }).then((a) =>
        res.writeHead(a.status, { 'content-type': a.contentType }).end(a.body),
      );
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (gateway.handles(req)) gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  return {
    appUrl,
    env,
    engine,
    gateway,
    agents,
    store,
    restUpdates,
    logs,
    async close() {
      await gateway.close();
      await new Promise((r) => server.close(r));
      await new Promise((r) => rest.close(r));
      if (!opts.engine) await engine.close();
    },
  };
}
