import 'server-only';
import { db } from '@/lib/server/db/connection';
import { startRetentionSweeps, sweepRetention } from './retention';

const globalForSweeps = globalThis as typeof globalThis & { __cueRetentionSweeps?: { stop(): void } };

/** The app's sweeps (instrumentation.ts at server start): once per process, even across dev reloads. */
export function startAppRetentionSweeps(): void {
  globalForSweeps.__cueRetentionSweeps ??= startRetentionSweeps({ sweep: () => sweepRetention(db()) });
}
