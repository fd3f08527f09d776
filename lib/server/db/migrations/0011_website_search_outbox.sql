CREATE TABLE "website_knowledge_terms" (
	"site_id" text NOT NULL,
	"lexeme" text NOT NULL,
	"chunks" integer NOT NULL,
	CONSTRAINT "website_knowledge_terms_site_id_lexeme_pk" PRIMARY KEY("site_id","lexeme")
);
--> statement-breakpoint
ALTER TABLE "website_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "website_knowledge_terms" ADD CONSTRAINT "website_knowledge_terms_site_id_website_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."website_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "website_terms_lexeme_trgm_idx" ON "website_knowledge_terms" USING gin ("lexeme" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "website_outbox_due_idx" ON "website_outbox" USING btree ("next_attempt_at") WHERE "website_outbox"."delivered_at" is null;--> statement-breakpoint
ALTER INDEX "website_chunks_tsv_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('website_chunks_tsv_idx');--> statement-breakpoint
ALTER INDEX "website_terms_lexeme_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
DROP INDEX IF EXISTS "website_chunks_title_trgm_idx";--> statement-breakpoint
CREATE OR REPLACE FUNCTION website_knowledge_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE website_knowledge_terms t SET chunks = t.chunks - d.n
    FROM (SELECT o.site_id, l AS lexeme, count(*)::int AS n FROM old_rows o, unnest(tsvector_to_array(o.tsv)) l GROUP BY 1, 2) d
    WHERE t.site_id = d.site_id AND t.lexeme = d.lexeme;
    DELETE FROM website_knowledge_terms t WHERE t.chunks <= 0 AND t.site_id IN (SELECT DISTINCT site_id FROM old_rows)
      AND t.lexeme IN (SELECT unnest(tsvector_to_array(o.tsv)) FROM old_rows o);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO website_knowledge_terms AS t (site_id, lexeme, chunks)
    SELECT n.site_id, l, count(*)::int FROM new_rows n, unnest(tsvector_to_array(n.tsv)) l GROUP BY 1, 2
    ON CONFLICT (site_id, lexeme) DO UPDATE SET chunks = t.chunks + excluded.chunks;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER website_knowledge_terms_ins AFTER INSERT ON website_knowledge_chunks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION website_knowledge_terms_sync();--> statement-breakpoint
CREATE TRIGGER website_knowledge_terms_upd AFTER UPDATE ON website_knowledge_chunks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION website_knowledge_terms_sync();--> statement-breakpoint
CREATE TRIGGER website_knowledge_terms_del AFTER DELETE ON website_knowledge_chunks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION website_knowledge_terms_sync();--> statement-breakpoint
INSERT INTO website_knowledge_terms (site_id, lexeme, chunks)
SELECT c.site_id, l, count(*)::int FROM website_knowledge_chunks c, unnest(tsvector_to_array(c.tsv)) l GROUP BY 1, 2;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION website_search_knowledge(p_site text, p_question text, p_words text[], p_limit int, p_pool int, p_max_lexemes int, p_unknown_words int, p_per_word int)
RETURNS TABLE (url text, title text, heading_path text, rank real, snippet text)
LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
BEGIN
  RETURN QUERY
  WITH lexemes AS (
    SELECT t.lexeme AS lex, t.chunks AS df
    FROM (SELECT lex FROM unnest(tsvector_to_array(to_tsvector('english', p_question))) lex LIMIT p_max_lexemes) l
    JOIN website_knowledge_terms t ON t.site_id = p_site AND t.lexeme = l.lex
    UNION
    SELECT e.lexeme, e.chunks FROM (
      SELECT w FROM unnest(p_words) w
      WHERE (SELECT max(coalesce(t.chunks, 0)) FROM unnest(tsvector_to_array(to_tsvector('english', w))) x
             LEFT JOIN website_knowledge_terms t ON t.site_id = p_site AND t.lexeme = x) = 0
      LIMIT p_unknown_words
    ) u CROSS JOIN LATERAL (
      SELECT t.lexeme, t.chunks FROM website_knowledge_terms t
      WHERE t.site_id = p_site AND t.lexeme % u.w
      ORDER BY similarity(t.lexeme, u.w) DESC, t.lexeme LIMIT p_per_word
    ) e
  ),
  ordered AS (SELECT o.lex, sum(o.df) OVER (ORDER BY o.df, o.lex) AS running, row_number() OVER (ORDER BY o.df, o.lex) AS n FROM lexemes o),
  chosen AS (SELECT to_tsquery('simple', string_agg(quote_literal(o.lex), ' | ')) AS q FROM ordered o WHERE o.running <= p_pool OR o.n = 1),
  everything AS (SELECT to_tsquery('simple', string_agg(quote_literal(x.lex), ' | ')) AS q FROM lexemes x),
  pool AS (
    SELECT c.id, c.url, c.ordinal, ts_rank(c.tsv, (SELECT e.q FROM everything e), 1) AS rank
    FROM website_knowledge_chunks c
    WHERE c.site_id = p_site AND c.tsv @@ (SELECT ch.q FROM chosen ch)
    LIMIT p_pool
  ),
  top AS (SELECT * FROM pool p ORDER BY p.rank DESC, p.url, p.ordinal LIMIT p_limit)
  SELECT t.url, c.title, c.heading_path, t.rank,
    ts_headline('english', c.body, (SELECT e.q FROM everything e), 'StartSel=«, StopSel=», MaxWords=40, MinWords=20, MaxFragments=1')
  FROM top t JOIN website_knowledge_chunks c ON c.id = t.id
  ORDER BY t.rank DESC, t.url, t.ordinal;
END $$;
