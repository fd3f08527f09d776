CREATE TABLE "live_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"agent_id" text NOT NULL,
	"backend" text NOT NULL,
	"model" text,
	"voice" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"line_count" integer NOT NULL,
	"hint_count" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_sessions_backend_check" CHECK ("live_sessions"."backend" in ('local', 'openai')),
	CONSTRAINT "live_sessions_times_check" CHECK ("live_sessions"."ended_at" >= "live_sessions"."started_at"),
	CONSTRAINT "live_sessions_counts_check" CHECK ("live_sessions"."line_count" >= 0 and "live_sessions"."hint_count" between 0 and "live_sessions"."line_count")
);
--> statement-breakpoint
CREATE INDEX "live_sessions_started_at_idx" ON "live_sessions" USING btree ("started_at");