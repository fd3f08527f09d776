import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { chunkMarkdown } from '@/lib/website/knowledge/chunk';
import { db } from '@/lib/server/db/connection';
import type { Database } from '@/lib/server/db/client';
import { websiteKnowledgeChunks } from '@/lib/server/db/schema';

/**
 * The site's knowledge base: pages chunked by heading, re-ingested by content hash (only changed
 * chunks are written). The search is in ./knowledge-search.
 */
export type PageInput = { url: string; title: string; markdown: string };
export type IngestCounts = { added: number; updated: number; unchanged: number; removed: number };

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Write one page's chunks: unchanged ones are left alone, changed ones updated, extra ones removed. One transaction. */
export async function ingestPage(siteId: string, page: PageInput, database: Database = db()): Promise<IngestCounts> {
  const { title, chunks } = chunkMarkdown(page.markdown, page.title);
  const counts: IngestCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  await database.transaction(async (tx) => {
    const existing = await tx
      .select({ id: websiteKnowledgeChunks.id, ordinal: websiteKnowledgeChunks.ordinal, contentHash: websiteKnowledgeChunks.contentHash })
      .from(websiteKnowledgeChunks)
      .where(and(eq(websiteKnowledgeChunks.siteId, siteId), eq(websiteKnowledgeChunks.url, page.url)));
    const byOrdinal = new Map(existing.map((e) => [e.ordinal, e]));
    for (const [ordinal, chunk] of chunks.entries()) {
      const contentHash = hash(`${title}\n${chunk.headingPath}\n${chunk.body}`);
      const old = byOrdinal.get(ordinal);
      byOrdinal.delete(ordinal);
      if (old?.contentHash === contentHash) counts.unchanged++;
      else if (old) {
        await tx.update(websiteKnowledgeChunks).set({ title, headingPath: chunk.headingPath, body: chunk.body, contentHash, updatedAt: new Date() }).where(eq(websiteKnowledgeChunks.id, old.id));
        counts.updated++;
      } else {
        await tx.insert(websiteKnowledgeChunks).values({ siteId, url: page.url, title, headingPath: chunk.headingPath, ordinal, body: chunk.body, contentHash });
        counts.added++;
      }
    }
    const gone = [...byOrdinal.values()].map((e) => e.id);
    if (gone.length > 0) await tx.delete(websiteKnowledgeChunks).where(inArray(websiteKnowledgeChunks.id, gone));
    counts.removed = gone.length;
  });
  return counts;
}

export type ChunkView = { id: string; url: string; title: string; headingPath: string; body: string; updatedAt: string };

export async function listChunks(siteId: string, limit = 500, database: Database = db()): Promise<ChunkView[]> {
  const rows = await database
    .select()
    .from(websiteKnowledgeChunks)
    .where(eq(websiteKnowledgeChunks.siteId, siteId))
    .orderBy(asc(websiteKnowledgeChunks.url), asc(websiteKnowledgeChunks.ordinal))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, url: r.url, title: r.title, headingPath: r.headingPath, body: r.body, updatedAt: r.updatedAt.toISOString() }));
}

export type SourceView = { url: string; title: string; chunks: number; updatedAt: string };

/** The site's sources: one row per page or upload, with its chunk count and last change, newest first. */
export async function listSources(siteId: string, limit = 200, database: Database = db()): Promise<SourceView[]> {
  const c = websiteKnowledgeChunks;
  const rows = await database
    .select({ url: c.url, title: sql<string>`min(${c.title})`, chunks: sql<number>`count(*)::int`, updatedAt: sql<string>`max(${c.updatedAt})` })
    .from(c)
    .where(eq(c.siteId, siteId))
    .groupBy(c.url)
    .orderBy(sql`max(${c.updatedAt}) desc`, asc(c.url))
    .limit(limit);
  return rows.map((r) => ({ url: r.url, title: r.title, chunks: Number(r.chunks), updatedAt: new Date(r.updatedAt).toISOString() }));
}

export async function countChunks(siteId: string, database: Database = db()): Promise<number> {
  const [row] = await database.select({ n: sql<number>`count(*)::int` }).from(websiteKnowledgeChunks).where(eq(websiteKnowledgeChunks.siteId, siteId));
  return Number(row?.n ?? 0);
}
