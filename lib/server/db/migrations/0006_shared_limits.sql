CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_used_check" CHECK ("rate_limit_counters"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "realtime_usage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"agent_id" text NOT NULL,
	"ref" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"max_seconds" integer NOT NULL,
	CONSTRAINT "realtime_usage_max_seconds_check" CHECK ("realtime_usage"."max_seconds" > 0),
	CONSTRAINT "realtime_usage_times_check" CHECK ("realtime_usage"."ended_at" is null or "realtime_usage"."ended_at" >= "realtime_usage"."started_at")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_window_idx" ON "rate_limit_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "realtime_usage_subject_started_idx" ON "realtime_usage" USING btree ("subject","started_at");