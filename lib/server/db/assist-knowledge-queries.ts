import { sql } from 'drizzle-orm';
import type { KnowledgeDoc, KnowledgeKind, PolicyKind } from '@/lib/assist/demo/knowledge';
import type { Database } from './client';

/**
 * Policies by kind (with a topic to choose among several) and knowledge articles by full-text
 * search: the words of a spoken question OR-ed (an AND of every word of a long question finds
 * nothing), ranked with ts_rank_cd, title weighted above body.
 */

export type PolicyView = { id: string; kind: PolicyKind; title: string; body: string; url: string };
export type ArticleHit = { id: string; title: string; snippet: string; url: string; rank: number };

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function policiesOfKind(db: Database, kind: PolicyKind): Promise<PolicyView[]> {
  return rows<PolicyView>(db, sql`select id, kind, title, body, url from assist_policies where kind = ${kind} order by id`);
}

/** Lexemes of the question joined with OR, for to_tsquery; null when no word is left. */
function orQuery(question: string): string | null {
  const words = question.toLowerCase().match(/[a-z0-9]{2,}/g) ?? [];
  return words.length ? [...new Set(words)].slice(0, 24).join(' | ') : null;
}

export async function searchArticles(db: Database, question: string, limit = 3): Promise<ArticleHit[]> {
  const q = orQuery(question);
  if (!q) return [];
  const found = await rows<{ id: string; title: string; url: string; snippet: string; rank: number }>(
    db,
    sql`with q as (select to_tsquery('english', ${q}) as q)
        select id, title, url, ts_headline('english', body, q.q, 'MaxWords=60, MinWords=30') as snippet,
               ts_rank_cd(setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B'), q.q) as rank
        from assist_articles, q where to_tsvector('english', title || ' ' || body) @@ q.q
        order by rank desc, id limit ${limit}`,
  );
  return found.map((r) => ({ ...r, rank: Number(r.rank) }));
}


/** One policy or article as its page shows it (the row the assistant cited), or null when there is none. */
export async function knowledgeDoc(db: Database, kind: KnowledgeKind, id: string): Promise<KnowledgeDoc | null> {
  const [r] = kind === 'policies'
    ? await rows<{ id: string; title: string; body: string; kind: PolicyKind | null }>(db, sql`select id, title, body, kind from assist_policies where id = ${id}`)
    : await rows<{ id: string; title: string; body: string; kind: PolicyKind | null }>(db, sql`select id, title, body, null as kind from assist_articles where id = ${id}`);
  if (!r) return null;
  return { kind, id: r.id, title: r.title, body: r.body, policyKind: r.kind };
}
