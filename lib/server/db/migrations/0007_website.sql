CREATE TABLE "website_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"lead_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "website_bookings_slot_id_unique" UNIQUE("slot_id")
);
--> statement-breakpoint
CREATE TABLE "website_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" text NOT NULL,
	"visit" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_knowledge_chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" text NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"heading_path" text NOT NULL,
	"ordinal" integer NOT NULL,
	"body" text NOT NULL,
	"content_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"challenge" text DEFAULT '' NOT NULL,
	"consent" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "website_sites" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"allowed_origins" jsonb NOT NULL,
	"agent_id" text NOT NULL,
	"goal" text NOT NULL,
	"theme" jsonb NOT NULL,
	"limits" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer DEFAULT 15 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_usage_days" (
	"site_id" text NOT NULL,
	"day" date NOT NULL,
	"seconds_reserved" integer DEFAULT 0 NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"refusals" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "website_usage_days_site_id_day_pk" PRIMARY KEY("site_id","day")
);
--> statement-breakpoint
ALTER TABLE "website_bookings" ADD CONSTRAINT "website_bookings_site_id_website_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."website_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_bookings" ADD CONSTRAINT "website_bookings_slot_id_website_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."website_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_bookings" ADD CONSTRAINT "website_bookings_lead_id_website_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."website_leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_knowledge_chunks" ADD CONSTRAINT "website_knowledge_chunks_site_id_website_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."website_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_leads" ADD CONSTRAINT "website_leads_site_id_website_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."website_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_slots" ADD CONSTRAINT "website_slots_site_id_website_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."website_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_usage_days" ADD CONSTRAINT "website_usage_days_site_id_website_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."website_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "website_events_site_at_idx" ON "website_events" USING btree ("site_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "website_chunks_page_ordinal_idx" ON "website_knowledge_chunks" USING btree ("site_id","url","ordinal");--> statement-breakpoint
CREATE INDEX "website_leads_site_created_idx" ON "website_leads" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "website_outbox_pending_idx" ON "website_outbox" USING btree ("created_at") WHERE "website_outbox"."delivered_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "website_slots_site_start_idx" ON "website_slots" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "website_knowledge_chunks" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("title", '') || ' ' || coalesce("heading_path", '')), 'A') || setweight(to_tsvector('english', coalesce("body", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "website_chunks_tsv_idx" ON "website_knowledge_chunks" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "website_chunks_title_trgm_idx" ON "website_knowledge_chunks" USING gin (("title" || ' ' || "heading_path") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "website_chunks_site_idx" ON "website_knowledge_chunks" USING btree ("site_id");
