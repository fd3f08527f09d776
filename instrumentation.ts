/**
 * Runs once when the Next.js server starts: the retention sweep (now and hourly) and the CRM
 * outbox delivery (every 30 s, when CUE_CRM_WEBHOOK_URL is set), Node.js
 * runtime only. NEXT_RUNTIME is Next's own build-time constant, not configuration.
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's runtime marker, not app configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startAppRetentionSweeps } = await import('@/lib/server/services/retention-schedule');
  startAppRetentionSweeps();
  const { startAppCrmDelivery } = await import('@/lib/server/website/crm-schedule');
  startAppCrmDelivery();
}
