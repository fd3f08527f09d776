-- A call that ended before the user said anything was saved with a placeholder debrief scored
-- 1/10, which counted in progress. Such calls carry no score, debrief or metrics now
-- (status "nothing said", lib/practice/history/session-record.ts); clear the old placeholders.
UPDATE "practice_sessions" AS s
SET "score" = NULL, "debrief" = NULL, "metrics" = NULL
WHERE s."ended_at" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "transcript_items" AS t WHERE t."session_id" = s."id" AND t."speaker" = 'user');
