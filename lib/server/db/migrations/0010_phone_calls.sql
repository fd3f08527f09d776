CREATE TABLE "phone_calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"agent_id" text NOT NULL,
	"agent_name" text NOT NULL,
	"agent_version" integer NOT NULL,
	"call_sid" text,
	"stream_sid" text,
	"from_number" text,
	"to_number" text,
	"user_id" text,
	"backend" text NOT NULL,
	"status" text NOT NULL,
	"end_reason" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_ms" integer,
	"transcript" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tool_calls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"usage" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_calls_source_check" CHECK ("phone_calls"."source" in ('twilio', 'simulator')),
	CONSTRAINT "phone_calls_status_check" CHECK ("phone_calls"."status" in ('in_progress', 'completed', 'transferred', 'failed')),
	CONSTRAINT "phone_calls_backend_check" CHECK ("phone_calls"."backend" in ('local', 'openai'))
);
--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phone_calls_started_at_idx" ON "phone_calls" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "phone_calls_status_started_idx" ON "phone_calls" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "phone_calls_agent_started_idx" ON "phone_calls" USING btree ("agent_id","started_at");