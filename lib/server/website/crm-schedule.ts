import 'server-only';
import { db } from '@/lib/server/db/connection';
import { env } from '@/lib/server/env';
import { deliverOutbox } from './crm-outbox';

/** How often the CRM outbox is swept (new leads and bookings reach the CRM within this). */
const SWEEP_MS = 30_000;
const globalForCrm = globalThis as typeof globalThis & { __cueCrmDelivery?: { stop(): void } };

/**
 * The app's CRM delivery (instrumentation.ts at server start), once per process: only when
 * CUE_CRM_WEBHOOK_URL is set; otherwise the outbox keeps its rows (they are delivered once it is).
 */
export function startAppCrmDelivery(): void {
  const { CUE_CRM_WEBHOOK_URL: url, CUE_CRM_WEBHOOK_SECRET: secret } = env();
  if (!url || globalForCrm.__cueCrmDelivery) return;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await deliverOutbox(db(), { url, secret });
      if (r.delivered || r.retrying || r.failed) console.log(`[crm] delivered ${r.delivered}, retrying ${r.retrying}, given up ${r.failed}`);
    } catch (error) {
      console.warn(`[crm] sweep failed (next one in ${SWEEP_MS / 1000} s): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), SWEEP_MS);
  timer.unref?.();
  globalForCrm.__cueCrmDelivery = { stop: () => clearInterval(timer) };
}
