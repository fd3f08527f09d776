import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { KnowledgeHit } from '@/lib/contracts/website';
import { db } from '@/lib/server/db/connection';
import type { Database } from '@/lib/server/db/client';

/**
 * search_knowledge: PostgreSQL full-text search over the site's chunks (a ranked OR of the
 * question's lexemes, title and headings weighted A above the body's B, a ts_headline snippet per
 * hit) with pg_trgm for names and typos. One call of the SQL function website_search_knowledge
 * (migration 0011_website_search_outbox: PL/pgSQL keeps its plan between calls, and its `SET enable_seqscan = off` holds
 * for the call only), which:
 *  1. the question's lexemes get their chunk counts from website_knowledge_terms (kept by
 *     triggers on the chunks, migration 0011_website_search_outbox); a spoken word that no chunk holds (a misspelt name,
 *     a typo) is matched by trigram (`%`, the GIN gin_trgm_ops index on the site's lexemes) to its
 *     nearest lexemes, which join the question;
 *  2. the candidate pool, through the GIN tsvector index: the chunks holding the rarest lexemes
 *     (ascending count while the counts sum to at most POOL, or the rarest alone), at most POOL;
 *  3. ts_rank with the whole OR query on the pool only, LIMIT, then ts_headline for those rows.
 * Ranking every chunk that shares one common word with a long spoken question ("cost", "team") is
 * what made the plain query slow: the rare words decide what is relevant, the common ones still
 * count in the rank. Sequential scans are off for the call, so PGlite (no ANALYZE
 * statistics) and PostgreSQL both take the index paths whatever the planner guesses under a LIMIT.
 * The numbers below are its arguments.
 */

/**
 * Most candidate chunks ranked per question. When even the rarest word of a question is in more
 * chunks than this, an arbitrary POOL of them is ranked (the bench: 300 ranks as well as 600 did,
 * for about a third less CPU per search).
 */
const POOL = 300;
/** Most lexemes of a question looked at (spoken questions are long). */
const MAX_LEXEMES = 12;
/** Most unknown words matched by trigram, and lexemes taken per word. */
const MAX_UNKNOWN_WORDS = 4;
const LEXEMES_PER_WORD = 2;

type HitRow = { url: string; title: string; heading_path: string; snippet: string; rank: number | string };

const textArray = (xs: readonly string[]): SQL => sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;

/** Words long enough to be names, as the visitor said them (for the trigram match). */
function spokenWords(question: string): string[] {
  return [...new Set(question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]{3,}/gu) ?? [])].slice(0, 20);
}

/** The best `limit` chunks for a question, best first. An empty question finds nothing. */
export async function searchKnowledge(siteId: string, question: string, limit = 4, database: Database = db()): Promise<KnowledgeHit[]> {
  const q = question.trim().slice(0, 500);
  if (!q) return [];
  const spoken = spokenWords(q);
  const result = (await database.execute(sql`
    select url, title, heading_path, rank, snippet
    from website_search_knowledge(${siteId}, ${q}, ${textArray(spoken)}, ${limit}, ${POOL}, ${MAX_LEXEMES}, ${MAX_UNKNOWN_WORDS}, ${LEXEMES_PER_WORD})
  `)) as unknown as { rows: HitRow[] };
  return result.rows.map((r) => ({ url: r.url, title: r.title, headingPath: r.heading_path, snippet: r.snippet, rank: Number(r.rank) }));
}
