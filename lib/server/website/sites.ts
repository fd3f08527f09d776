import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { siteInputSchema, type Site, type SiteInput } from '@/lib/contracts/website';
import { db } from '@/lib/server/db/connection';
import { websiteSites, type WebsiteSiteRow } from '@/lib/server/db/schema';

/** Sites: who may embed the widget, with which agent, look and limits. */

export function toSite(row: WebsiteSiteRow): Site {
  const parsed = siteInputSchema.parse({
    id: row.id,
    name: row.name,
    allowedOrigins: row.allowedOrigins,
    agentId: row.agentId,
    goal: row.goal,
    theme: row.theme,
    limits: row.limits,
    active: row.active,
  });
  return { ...parsed, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function listSites(): Promise<Site[]> {
  const rows = await db().select().from(websiteSites).orderBy(asc(websiteSites.name));
  return rows.map(toSite);
}

export async function getSite(id: string): Promise<Site | null> {
  const [row] = await db().select().from(websiteSites).where(eq(websiteSites.id, id)).limit(1);
  return row ? toSite(row) : null;
}

/** Create or replace a site (the id is its key). */
export async function saveSite(input: SiteInput): Promise<Site> {
  const values = { ...input, allowedOrigins: [...new Set(input.allowedOrigins)] };
  const [row] = await db()
    .insert(websiteSites)
    .values(values)
    .onConflictDoUpdate({ target: websiteSites.id, set: { ...values, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('saving the site returned no row');
  return toSite(row);
}

/**
 * The origins a site's embed may be framed by, as CSP sources: `self` becomes `'self'`.
 * Unknown or inactive site: none (the embed page then says why).
 */
export function frameAncestors(site: Site | null): string {
  if (!site || !site.active) return "'none'";
  return site.allowedOrigins.map((o) => (o === 'self' ? "'self'" : o)).join(' ');
}

/** Is `hostOrigin` (the page that embeds the widget) allowed for this site? `self` = the app's own origin. */
export function originAllowed(site: Site, hostOrigin: string, appOrigin: string): boolean {
  return site.allowedOrigins.some((o) => (o === 'self' ? hostOrigin === appOrigin : o === hostOrigin));
}
