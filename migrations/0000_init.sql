CREATE TYPE "public"."feedback_source" AS ENUM('button', 'reaction', 'inline', 'command');--> statement-breakpoint
CREATE TYPE "public"."model_status" AS ENUM('candidate', 'active', 'retired', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."platform" AS ENUM('discord', 'telegram', 'console');--> statement-breakpoint
CREATE TABLE "communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" "platform" NOT NULL,
	"platform_community_id" text NOT NULL,
	"name" text,
	"trends_slug" text NOT NULL,
	"trends_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"layout" text NOT NULL,
	"id_space" text NOT NULL,
	"fingerprint" text NOT NULL,
	"counts" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "favorites" (
	"user_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favorites_user_id_movie_id_pk" PRIMARY KEY("user_id","movie_id")
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"user_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"value" smallint NOT NULL,
	"source" "feedback_source" NOT NULL,
	"community_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_user_id_movie_id_pk" PRIMARY KEY("user_id","movie_id"),
	CONSTRAINT "feedback_value_ck" CHECK ("feedback"."value" in (-1, 1))
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"value" smallint NOT NULL,
	"source" "feedback_source" NOT NULL,
	"community_id" integer,
	"event_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_events_value_ck" CHECK ("feedback_events"."value" in (-1, 0, 1))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"community_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"status" "model_status" DEFAULT 'candidate' NOT NULL,
	"path" text NOT NULL,
	"dataset_fingerprint" text NOT NULL,
	"backend" text NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "movies" (
	"id" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"year" smallint,
	"genres" text[] DEFAULT '{}'::text[] NOT NULL,
	"imdb_id" integer,
	"tmdb_id" integer
);
--> statement-breakpoint
CREATE TABLE "platform_accounts" (
	"platform" "platform" NOT NULL,
	"platform_user_id" text NOT NULL,
	"user_id" integer NOT NULL,
	"username" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_accounts_platform_platform_user_id_pk" PRIMARY KEY("platform","platform_user_id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"ml_user_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"rating" real NOT NULL,
	"rated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"ml_user_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"tag" text NOT NULL,
	"tagged_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"display_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_accounts" ADD CONSTRAINT "platform_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_lists" ADD CONSTRAINT "shared_lists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "communities_platform_id_uq" ON "communities" USING btree ("platform","platform_community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "communities_trends_slug_uq" ON "communities" USING btree ("trends_slug");--> statement-breakpoint
CREATE INDEX "favorites_movie_idx" ON "favorites" USING btree ("movie_id");--> statement-breakpoint
CREATE INDEX "feedback_movie_idx" ON "feedback" USING btree ("movie_id");--> statement-breakpoint
CREATE INDEX "feedback_community_idx" ON "feedback" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_events_key_uq" ON "feedback_events" USING btree ("event_key");--> statement-breakpoint
CREATE INDEX "feedback_events_user_idx" ON "feedback_events" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_version_uq" ON "model_versions" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_active_uq" ON "model_versions" USING btree ("status") WHERE "model_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "movies_year_idx" ON "movies" USING btree ("year");--> statement-breakpoint
CREATE INDEX "platform_accounts_user_idx" ON "platform_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shared_lists_slug_uq" ON "shared_lists" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "shared_lists_live_user_uq" ON "shared_lists" USING btree ("user_id") WHERE "shared_lists"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "tags_movie_idx" ON "tags" USING btree ("movie_id");