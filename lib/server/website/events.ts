import 'server-only';
import { sql } from 'drizzle-orm';
import { CONVERSATION_PHASES, WIDGET_EVENT_TYPES, type SiteAnalytics, type WidgetEventType } from '@/lib/contracts/website';
import { db } from '@/lib/server/db/connection';
import type { Database } from '@/lib/server/db/client';
import { websiteEvents } from '@/lib/server/db/schema';

/**
 * Widget analytics: events as rows (site, visit, type, small data), and a site's summary for
 * the dashboard: the funnel (visits reaching each step), refusals by reason, how conversations
 * ended, the phase they had reached when they ended (drop-off), how long they ran, and the
 * realtime minutes they used.
 */
export async function recordEvent(siteId: string, visit: string, type: WidgetEventType, data: Record<string, unknown> = {}, database: Database = db()): Promise<void> {
  if (!WIDGET_EVENT_TYPES.includes(type)) throw new TypeError(`unknown widget event type ${String(type)}`);
  await database.insert(websiteEvents).values({ siteId, visit, type, data });
}

/** Recording must never break the widget: failures are logged and dropped. */
export function recordEventQuietly(siteId: string, visit: string | undefined, type: WidgetEventType, data: Record<string, unknown> = {}): void {
  recordEvent(siteId, visit ?? 'server', type, data).catch((error: unknown) => console.warn(`[widget-events] ${type}: ${String(error)}`));
}

const FUNNEL_STEPS = [
  { type: 'opened', label: 'Opened the widget' },
  { type: 'session_started', label: 'Started a conversation' },
  { type: 'tool_call', label: 'Got an answer from the site' },
  { type: 'lead_captured', label: 'Left their details' },
  { type: 'booking_made', label: 'Booked a call' },
] as const;

type Row = Record<string, string | number | null>;
const rows = async (database: Database, q: ReturnType<typeof sql>) => ((await database.execute(q)) as unknown as { rows: Row[] }).rows;

export async function siteAnalytics(siteId: string, days = 30, database: Database = db()): Promise<SiteAnalytics> {
  const since = sql`now() - make_interval(days => ${days})`;
  const visits = await rows(database, sql`select type, count(distinct visit)::int as n from website_events where site_id = ${siteId} and at >= ${since} group by type`);
  const byType = new Map(visits.map((r) => [String(r.type), Number(r.n)]));
  const refusals = await rows(database, sql`select data->>'code' as code, count(*)::int as n from website_events where site_id = ${siteId} and type = 'refused' and at >= ${since} group by 1 order by 2 desc`);
  const endings = await rows(database, sql`select coalesce(data->>'reason', 'unknown') as reason, count(*)::int as n from website_events where site_id = ${siteId} and type = 'ended' and at >= ${since} group by 1 order by 2 desc`);
  const phases = await rows(database, sql`select coalesce(data->>'phase', 'opening') as phase, count(*)::int as n from website_events where site_id = ${siteId} and type = 'ended' and at >= ${since} group by 1`);
  const byPhase = new Map(phases.map((r) => [String(r.phase), Number(r.n)]));
  const [sessions] = await rows(
    database,
    sql`select count(*)::int as n, coalesce(avg((data->>'seconds')::numeric), 0)::float as avg, coalesce(sum((data->>'seconds')::numeric), 0)::float as total from website_events where site_id = ${siteId} and type = 'ended' and at >= ${since} and data ? 'seconds'`,
  );
  return {
    funnel: FUNNEL_STEPS.map((s) => ({ label: s.label, visits: byType.get(s.type) ?? 0 })),
    refusals: refusals.map((r) => ({ code: String(r.code ?? 'unknown'), count: Number(r.n) })),
    endings: endings.map((r) => ({ reason: String(r.reason), count: Number(r.n) })),
    dropOff: CONVERSATION_PHASES.map((phase) => ({ phase, count: byPhase.get(phase) ?? 0 })),
    sessions: { count: Number(sessions?.n ?? 0), avgSeconds: Math.round(Number(sessions?.avg ?? 0)), totalSeconds: Math.round(Number(sessions?.total ?? 0)) },
    micDenied: byType.get('mic_denied') ?? 0,
    fallbacks: byType.get('fallback_text') ?? 0,
  };
}
