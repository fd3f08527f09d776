import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { LeadInput } from '@/lib/contracts/website';
import { db } from '@/lib/server/db/connection';
import type { Database } from '@/lib/server/db/client';
import { websiteLeads, websiteOutbox, type WebsiteLeadRow } from '@/lib/server/db/schema';

/** Leads the widget captured. Each is written with its CRM outbox row in one transaction: both or neither. */
export async function saveLead(input: LeadInput, database: Database = db()): Promise<WebsiteLeadRow> {
  return database.transaction(async (tx) => {
    const [lead] = await tx.insert(websiteLeads).values(input).returning();
    if (!lead) throw new Error('saving the lead returned no row');
    await tx.insert(websiteOutbox).values({ siteId: input.siteId, kind: 'lead.created', payload: { leadId: lead.id, ...input, createdAt: lead.createdAt.toISOString() } });
    return lead;
  });
}

export async function listLeads(siteId: string, limit = 1000, database: Database = db()): Promise<WebsiteLeadRow[]> {
  return database.select().from(websiteLeads).where(eq(websiteLeads.siteId, siteId)).orderBy(desc(websiteLeads.createdAt)).limit(limit);
}

export function csvCell(v: string): string {
  // Quote everything; neutralise spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function leadsCsv(rows: readonly WebsiteLeadRow[]): string {
  const header = ['created_at', 'name', 'email', 'company', 'role', 'challenge', 'consent'];
  const lines = rows.map((r) => [r.createdAt.toISOString(), r.name, r.email, r.company, r.role, r.challenge, r.consent ? 'yes' : 'no'].map(csvCell).join(','));
  return `${header.join(',')}\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}
