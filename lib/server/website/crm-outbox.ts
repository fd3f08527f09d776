import 'server-only';
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/server/db/client';
import { db } from '@/lib/server/db/connection';

/**
 * Delivery of the CRM outbox (website_outbox: a row per lead and booking, written in the same
 * transaction as what it reports) to the CRM webhook (CUE_CRM_WEBHOOK_URL). A sweep claims the due
 * rows (a lease: their next attempt moves LEASE_MS ahead, so another instance's sweep skips
 * them), POSTs each as JSON, and marks it delivered on a 2xx; otherwise it records the error and
 * retries later (BACKOFF_MS), until MAX_ATTEMPTS, after which the row stays failed for the admin
 * to see. Each POST carries `x-cue-delivery` (the row id: the same on every retry, for the CRM
 * to deduplicate), `x-cue-event` and, with CUE_CRM_WEBHOOK_SECRET, `x-cue-signature:
 * sha256=<HMAC-SHA256 of the body>`.
 */
type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type WebhookTarget = { url: string; secret?: string; fetchImpl?: FetchLike; timeoutMs?: number };
export type DeliveryReport = { delivered: number; retrying: number; failed: number };

export const MAX_ATTEMPTS = 6;
/** Wait after the 1st, 2nd, … failed attempt. */
const BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];
const LEASE_MS = 60_000;
const BATCH = 20;

type OutboxRow = { id: string; site_id: string; kind: string; payload: Record<string, unknown>; attempts: number; created_at: string | Date };

export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function post(target: WebhookTarget, row: OutboxRow): Promise<string | null> {
  const body = JSON.stringify({ id: row.id, event: row.kind, siteId: row.site_id, createdAt: new Date(row.created_at).toISOString(), data: row.payload });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Cue-Webhook/1.0', 'x-cue-delivery': row.id, 'x-cue-event': row.kind };
  if (target.secret) headers['x-cue-signature'] = signatureOf(body, target.secret);
  try {
    const res = await (target.fetchImpl ?? fetch)(target.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(target.timeoutMs ?? 10_000) });
    await res.body?.cancel().catch(() => undefined);
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (error) {
    const c = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const cause = c?.code ?? c?.errors?.[0]?.code ?? c?.message;
    return error instanceof Error ? `${error.name === 'TimeoutError' ? 'timed out' : error.message}${cause ? ` (${cause})` : ''}` : String(error);
  }
}

/** One sweep: deliver what is due now, oldest first. */
export async function deliverOutbox(database: Database, target: WebhookTarget, now: Date = new Date()): Promise<DeliveryReport> {
  const claimed = (await database.execute(sql`
    update website_outbox set next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
    where id in (
      select id from website_outbox
      where delivered_at is null and attempts < ${MAX_ATTEMPTS} and next_attempt_at <= ${now}
      order by created_at limit ${BATCH}
      for update skip locked
    )
    returning id, site_id, kind, payload, attempts, created_at
  `)) as unknown as { rows: OutboxRow[] };
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  const rows = [...claimed.rows].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  for (const row of rows) {
    const error = await post(target, row);
    const attempts = Number(row.attempts) + 1;
    if (!error) {
      await database.execute(sql`update website_outbox set delivered_at = ${new Date()}, attempts = ${attempts}, last_error = null where id = ${row.id}`);
      report.delivered++;
      continue;
    }
    const wait = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? 0;
    await database.execute(sql`update website_outbox set attempts = ${attempts}, last_error = ${error.slice(0, 500)}, next_attempt_at = ${new Date(now.getTime() + wait)} where id = ${row.id}`);
    if (attempts >= MAX_ATTEMPTS) report.failed++;
    else report.retrying++;
  }
  return report;
}

export type OutboxStatus = { pending: number; delivered: number; failed: number; lastError: string | null };

/** A site's outbox for its admin page: what is waiting, delivered, given up, and the last error. */
export async function outboxStatus(siteId: string, database: Database = db()): Promise<OutboxStatus> {
  const result = (await database.execute(sql`
    select
      count(*) filter (where delivered_at is null and attempts < ${MAX_ATTEMPTS})::int as pending,
      count(*) filter (where delivered_at is not null)::int as delivered,
      count(*) filter (where delivered_at is null and attempts >= ${MAX_ATTEMPTS})::int as failed,
      (select last_error from website_outbox where site_id = ${siteId} and delivered_at is null and last_error is not null order by next_attempt_at desc limit 1) as last_error
    from website_outbox where site_id = ${siteId}
  `)) as unknown as { rows: { pending: number; delivered: number; failed: number; last_error: string | null }[] };
  const r = result.rows[0];
  return { pending: Number(r?.pending ?? 0), delivered: Number(r?.delivered ?? 0), failed: Number(r?.failed ?? 0), lastError: r?.last_error ?? null };
}
