import type { Env } from '@/lib/server/env-schema';
import { databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { ensureAssistDemoData } from '@/lib/server/db/assist-seed';
import { insertPhoneCall, updatePhoneCall } from '@/lib/server/db/phone-call-queries';
import { phoneRealtimeAccess } from '@/lib/server/model-access/phone-realtime';
import { phoneAgentSource } from './agent-source';
import type { PhoneCallDeps } from './call-session';
import { webhookFetch } from './webhook-fetch';

/**
 * What the app's /call socket runs on (scripts/app-server.ts): the app's database (the same
 * cached handle Next's pages read: one PGlite per process), the process's agent source, model
 * access, Twilio's REST API for transfers when TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set, webhook
 * tools through the SSRF guard (CUE_WEBHOOK_ALLOW_HOSTS), and
 * the lookup tools' database: the same handle with the demo systems of record the assist agent reads
 * (seeded once per database on first use, as the assist pages do).
 */
export function appPhoneDeps(env: Env, log: (line: string) => void): PhoneCallDeps {
  const db = () => getDatabase(databaseConfigFromEnv(env)).db;
  return {
    agentSource: phoneAgentSource(env),
    store: {
      insert: (call) => insertPhoneCall({ db: db(), call }),
      update: (id, patch) => updatePhoneCall({ db: db(), id, patch }),
    },
    access: (cfg) => phoneRealtimeAccess(env, { agentId: cfg.id, model: cfg.model, maxCallSeconds: cfg.maxCallSeconds }),
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN ? { baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN } : null,
    webhookFetch: webhookFetch(env),
    lookupDb: async () => {
      const handle = getDatabase(databaseConfigFromEnv(env));
      await ensureAssistDemoData(handle);
      return handle.db;
    },
    log,
  };
}
