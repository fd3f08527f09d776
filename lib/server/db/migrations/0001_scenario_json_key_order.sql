-- json, not jsonb: jsonb reorders object keys, and the author's order of scenario facts reaches the prompt.
ALTER TABLE "custom_scenarios" ALTER COLUMN "scenario" SET DATA TYPE json USING "scenario"::json;--> statement-breakpoint
ALTER TABLE "practice_sessions" ALTER COLUMN "scenario" SET DATA TYPE json USING "scenario"::json;
