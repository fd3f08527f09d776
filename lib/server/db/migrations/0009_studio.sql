CREATE TABLE "studio_agent_versions" (
	"agent_id" text NOT NULL,
	"version" integer NOT NULL,
	"config" json NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"rollback_of" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_agent_versions_agent_id_version_pk" PRIMARY KEY("agent_id","version"),
	CONSTRAINT "studio_agent_versions_version_check" CHECK ("studio_agent_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "studio_agents" (
	"id" text PRIMARY KEY NOT NULL,
	"current_version" integer NOT NULL,
	"builtin" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_phone_numbers" (
	"number" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_phone_numbers_e164_check" CHECK ("studio_phone_numbers"."number" ~ '^\+[1-9][0-9]{6,14}$')
);
--> statement-breakpoint
ALTER TABLE "studio_agent_versions" ADD CONSTRAINT "studio_agent_versions_agent_id_studio_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."studio_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_agent_versions" ADD CONSTRAINT "studio_agent_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_phone_numbers" ADD CONSTRAINT "studio_phone_numbers_agent_id_studio_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."studio_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_phone_numbers" ADD CONSTRAINT "studio_phone_numbers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_phone_numbers_agent_idx" ON "studio_phone_numbers" USING btree ("agent_id");