CREATE TYPE "public"."movie_night_status" AS ENUM('open', 'voting', 'closed', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."movie_night_rsvp_via" AS ENUM('button', 'event', 'command');--> statement-breakpoint
ALTER TYPE "public"."feedback_source" ADD VALUE 'movienight';--> statement-breakpoint
CREATE TABLE "movie_night_candidates" (
	"night_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"nominated_by" integer,
	"carried_over" boolean DEFAULT false NOT NULL,
	"group_score" real DEFAULT 0 NOT NULL,
	CONSTRAINT "movie_night_candidates_night_id_movie_id_pk" PRIMARY KEY("night_id","movie_id")
);
--> statement-breakpoint
CREATE TABLE "movie_night_losses" (
	"night_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"loss" real NOT NULL,
	CONSTRAINT "movie_night_losses_night_id_user_id_pk" PRIMARY KEY("night_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "movie_night_rsvps" (
	"night_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"going" boolean NOT NULL,
	"via" "movie_night_rsvp_via" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "movie_night_rsvps_night_id_user_id_pk" PRIMARY KEY("night_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "movie_night_settings" (
	"community_id" integer PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movie_night_vote_events" (
	"night_id" integer NOT NULL,
	"event_key" text NOT NULL,
	CONSTRAINT "movie_night_vote_events_night_id_event_key_pk" PRIMARY KEY("night_id","event_key")
);
--> statement-breakpoint
CREATE TABLE "movie_night_votes" (
	"night_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "movie_night_votes_night_id_user_id_movie_id_pk" PRIMARY KEY("night_id","user_id","movie_id")
);
--> statement-breakpoint
CREATE TABLE "movie_nights" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"platform" "platform" NOT NULL,
	"channel_id" text NOT NULL,
	"host_user_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"voice_channel_id" text,
	"location" text,
	"candidate_count" smallint NOT NULL,
	"status" "movie_night_status" DEFAULT 'open' NOT NULL,
	"message_id" text,
	"poll_id" text,
	"poll_message_id" text,
	"event_id" text,
	"winner_movie_id" integer,
	"shortlist_for" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"favoured" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	CONSTRAINT "movie_nights_candidates_ck" CHECK ("movie_nights"."candidate_count" between 3 and 5)
);
--> statement-breakpoint
ALTER TABLE "movie_night_candidates" ADD CONSTRAINT "movie_night_candidates_night_id_movie_nights_id_fk" FOREIGN KEY ("night_id") REFERENCES "public"."movie_nights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_candidates" ADD CONSTRAINT "movie_night_candidates_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_candidates" ADD CONSTRAINT "movie_night_candidates_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_losses" ADD CONSTRAINT "movie_night_losses_night_id_movie_nights_id_fk" FOREIGN KEY ("night_id") REFERENCES "public"."movie_nights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_losses" ADD CONSTRAINT "movie_night_losses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_rsvps" ADD CONSTRAINT "movie_night_rsvps_night_id_movie_nights_id_fk" FOREIGN KEY ("night_id") REFERENCES "public"."movie_nights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_rsvps" ADD CONSTRAINT "movie_night_rsvps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_settings" ADD CONSTRAINT "movie_night_settings_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_vote_events" ADD CONSTRAINT "movie_night_vote_events_night_id_movie_nights_id_fk" FOREIGN KEY ("night_id") REFERENCES "public"."movie_nights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_votes" ADD CONSTRAINT "movie_night_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_night_votes" ADD CONSTRAINT "movie_night_votes_night_id_movie_id_movie_night_candidates_night_id_movie_id_fk" FOREIGN KEY ("night_id","movie_id") REFERENCES "public"."movie_night_candidates"("night_id","movie_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_nights" ADD CONSTRAINT "movie_nights_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_nights" ADD CONSTRAINT "movie_nights_host_user_id_users_id_fk" FOREIGN KEY ("host_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_nights" ADD CONSTRAINT "movie_nights_winner_movie_id_movies_id_fk" FOREIGN KEY ("winner_movie_id") REFERENCES "public"."movies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movie_night_candidates_nominated_idx" ON "movie_night_candidates" USING btree ("nominated_by");--> statement-breakpoint
CREATE INDEX "movie_night_losses_user_idx" ON "movie_night_losses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "movie_night_rsvps_user_idx" ON "movie_night_rsvps" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "movie_night_votes_user_idx" ON "movie_night_votes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "movie_nights_live_channel_uq" ON "movie_nights" USING btree ("community_id","channel_id") WHERE "movie_nights"."status" in ('open', 'voting');--> statement-breakpoint
CREATE UNIQUE INDEX "movie_nights_poll_uq" ON "movie_nights" USING btree ("poll_id");--> statement-breakpoint
CREATE UNIQUE INDEX "movie_nights_event_uq" ON "movie_nights" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "movie_nights_community_idx" ON "movie_nights" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "movie_nights_due_idx" ON "movie_nights" USING btree ("platform","status","starts_at");--> statement-breakpoint
CREATE INDEX "movie_nights_host_idx" ON "movie_nights" USING btree ("host_user_id");