import { z } from 'zod';

/** The environment's shape. Read through lib/server/env.ts (app) or parseEnv (scripts). */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const bool = z.preprocess(emptyToUndefined, z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.url().default('https://api.openai.com/v1')),
  /** Where the browser reaches OpenAI's realtime API (`…/v1/realtime`); unset = `${OPENAI_BASE_URL}/realtime`. */
  CUE_REALTIME_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^(https?|wss?)$/ }).optional()),
  CUE_REALTIME_BACKEND: z.preprocess(emptyToUndefined, z.enum(['auto', 'local', 'openai']).default('auto')),
  CUE_ENGINE_URL: z.preprocess(emptyToUndefined, z.url().default('ws://127.0.0.1:8787/v1/realtime')),
  CUE_ENGINE_SECRET: optionalString,
  CUE_ENGINE_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  CUE_ENGINE_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8787)),
  CUE_SECRET_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(7200).default(600)),
  CUE_MINT_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(20)),
  CUE_MINT_RATE_LIMIT_PER_IP_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(60)),
  /** Realtime minutes each subject (user; client address before accounts) may use per UTC day. */
  CUE_REALTIME_MINUTES_PER_DAY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(480)),
  /** How many reverse proxies in front of the app append to X-Forwarded-For; 0 = none, use the connection's address. */
  CUE_TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  /**
   * Hosts (`host:port`, comma-separated) the knowledge-base ingester may fetch although they resolve
   * to loopback or private addresses (an intranet site; the e2e tests' second origin). Unset: none.
   */
  CUE_INGEST_ALLOW_HOSTS: optionalString,
  /**
   * Hosts (`host:port`, comma-separated) the studio's webhook tools may call although they resolve to
   * loopback or private addresses (a service on the team's network). Unset: webhooks reach public addresses only.
   */
  CUE_WEBHOOK_ALLOW_HOSTS: optionalString,
  /** Where leads and bookings from the website widget are POSTed (the CRM outbox); unset: they wait in the outbox. */
  CUE_CRM_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Signs each CRM webhook body: `x-cue-signature: sha256=<HMAC-SHA256 hex>`. */
  CUE_CRM_WEBHOOK_SECRET: optionalString,
  CUE_UPSTREAM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(10_000)),
  CUE_ENGINE_TEST_CONTROLS: bool,
  /** Set by scripts/run.ts for the app when it supervises the engine (restarts it if it dies). */
  CUE_ENGINE_SUPERVISED: bool,
  /** The first wait before the supervisor restarts a dead engine (doubles per quick death, up to 10 s). */
  CUE_ENGINE_RESTART_BACKOFF_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(60_000).default(500)),
  /**
   * Browser origins the engine's WebSocket accepts (comma-separated, e.g. https://cue.example.com).
   * Unset: scripts/run.ts allows the app's own loopback origins; `npm run engine` alone allows any loopback origin.
   */
  CUE_ALLOWED_ORIGINS: optionalString,
  /** The address `npm run dev` / `npm start` listen on (default 127.0.0.1; HOSTNAME counts when it is an address). */
  CUE_HOST: optionalString,
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_URL: optionalString,
  /** Longest one SQL statement may run (PostgreSQL statement_timeout; PGlite: longest wait for its turn). */
  CUE_DB_STATEMENT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(600_000).default(10_000)),
  /** Longest wait for a PostgreSQL connection. */
  CUE_DB_CONNECT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(5_000)),
  /** Signs session cookies. Unset: one is generated once and kept in <CUE_DATA_DIR>/auth-secret (mode 0600). */
  CUE_AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
  /** The app's public origin (https://cue.example.com); an https origin makes session cookies Secure. */
  CUE_APP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  CUE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
  /**
   * The URL Twilio reaches the app at (https://cue.example.com, e.g. a tunnel): /twiml and /call
   * signatures are checked against it, and the TwiML points the media stream at its wss:// /call.
   */
  CUE_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Twilio account's auth token: validates X-Twilio-Signature. Unset: every Twilio request is refused (fail closed). */
  TWILIO_AUTH_TOKEN: optionalString,
  /** Twilio account SID (AC…): transfer_to_human updates the live call through Twilio's REST API with it. */
  TWILIO_ACCOUNT_SID: optionalString,
  /** Twilio's REST API base (a fake in tests). */
  TWILIO_API_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.twilio.com')),
  /** Most phone calls (Twilio and simulator) this app instance runs at once; past it a call hears "busy" and ends. */
  CUE_PHONE_MAX_CALLS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(300)),
  /**
   * Caller audio is sent on to the model in appends of up to this many ms (Twilio sends 20 ms frames): fewer,
   * larger appends cost the gateway and the model's socket less, for at most this much delay on the caller's
   * words. 0 sends every frame as it comes (frames read together still go as one).
   */
  CUE_PHONE_INPUT_BATCH_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(200).default(40)),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${details}`);
  }
  return parsed.data;
}

/** Which realtime backend the app uses: decided here and nowhere else. */
export function realtimeBackend(e: Env): 'local' | 'openai' {
  if (e.CUE_REALTIME_BACKEND === 'local') return 'local';
  if (e.CUE_REALTIME_BACKEND === 'openai') return 'openai';
  return e.OPENAI_API_KEY ? 'openai' : 'local';
}
