CREATE TABLE "custom_scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"scenario" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" text NOT NULL,
	"scenario_title" text NOT NULL,
	"scenario" jsonb NOT NULL,
	"difficulty" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"metrics" jsonb,
	"debrief" jsonb,
	"score" integer,
	CONSTRAINT "practice_sessions_difficulty_check" CHECK ("practice_sessions"."difficulty" in ('easy', 'medium', 'hard')),
	CONSTRAINT "practice_sessions_score_check" CHECK ("practice_sessions"."score" is null or "practice_sessions"."score" between 1 and 10),
	CONSTRAINT "practice_sessions_end_reason_check" CHECK ("practice_sessions"."end_reason" is null or "practice_sessions"."end_reason" in ('user', 'time_limit', 'disconnected'))
);
--> statement-breakpoint
CREATE TABLE "transcript_items" (
	"session_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"seq" integer NOT NULL,
	"speaker" text NOT NULL,
	"text" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcript_items_pk" PRIMARY KEY("session_id","item_id"),
	CONSTRAINT "transcript_items_speaker_check" CHECK ("transcript_items"."speaker" in ('user', 'client'))
);
--> statement-breakpoint
CREATE TABLE "turn_tags" (
	"session_id" uuid NOT NULL,
	"call_id" text NOT NULL,
	"item_id" text,
	"objection_type" text NOT NULL,
	"difficulty" integer NOT NULL,
	"sentiment" text NOT NULL,
	"next_probe" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "turn_tags_pk" PRIMARY KEY("session_id","call_id"),
	CONSTRAINT "turn_tags_difficulty_check" CHECK ("turn_tags"."difficulty" between 1 and 5),
	CONSTRAINT "turn_tags_objection_type_check" CHECK ("turn_tags"."objection_type" in ('Results', 'Data', 'Governance', 'Payment', 'Plan')),
	CONSTRAINT "turn_tags_sentiment_check" CHECK ("turn_tags"."sentiment" in ('neutral', 'skeptical', 'frustrated'))
);
--> statement-breakpoint
ALTER TABLE "transcript_items" ADD CONSTRAINT "transcript_items_session_id_practice_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."practice_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turn_tags" ADD CONSTRAINT "turn_tags_session_id_practice_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."practice_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_sessions_started_at_idx" ON "practice_sessions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "practice_sessions_scenario_started_idx" ON "practice_sessions" USING btree ("scenario_id","started_at");--> statement-breakpoint
CREATE INDEX "transcript_items_session_seq_idx" ON "transcript_items" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "turn_tags_session_created_idx" ON "turn_tags" USING btree ("session_id","created_at");