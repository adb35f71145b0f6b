CREATE SEQUENCE "public"."tmdb_movie_ids" INCREMENT BY 1 MINVALUE 10000000 MAXVALUE 2147483647 START WITH 10000000 CACHE 1;--> statement-breakpoint
CREATE TABLE "movie_details" (
	"movie_id" integer PRIMARY KEY NOT NULL,
	"tmdb_id" integer NOT NULL,
	"found" boolean DEFAULT true NOT NULL,
	"overview" text,
	"runtime" smallint,
	"release_date" date,
	"poster_path" text,
	"trailer_key" text,
	"fetched_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"shown_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "movie_providers" (
	"movie_id" integer NOT NULL,
	"region" text NOT NULL,
	"flatrate" text[] DEFAULT '{}'::text[] NOT NULL,
	"free" text[] DEFAULT '{}'::text[] NOT NULL,
	"ads" text[] DEFAULT '{}'::text[] NOT NULL,
	"rent" text[] DEFAULT '{}'::text[] NOT NULL,
	"buy" text[] DEFAULT '{}'::text[] NOT NULL,
	"link" text,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "movie_providers_movie_id_region_pk" PRIMARY KEY("movie_id","region"),
	CONSTRAINT "movie_providers_region_ck" CHECK ("movie_providers"."region" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "tmdb_movies" (
	"movie_id" integer PRIMARY KEY NOT NULL,
	"tmdb_id" integer NOT NULL,
	"found_in" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tmdb_movies_id_ck" CHECK ("tmdb_movies"."movie_id" >= 10000000)
);
--> statement-breakpoint
ALTER TABLE "movie_details" ADD CONSTRAINT "movie_details_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_providers" ADD CONSTRAINT "movie_providers_movie_id_movie_details_movie_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movie_details"("movie_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tmdb_movies" ADD CONSTRAINT "tmdb_movies_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movie_details_fetched_idx" ON "movie_details" USING btree ("fetched_at");--> statement-breakpoint
CREATE INDEX "movie_details_shown_idx" ON "movie_details" USING btree ("shown_at");--> statement-breakpoint
CREATE INDEX "movie_providers_fetched_idx" ON "movie_providers" USING btree ("fetched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tmdb_movies_tmdb_uq" ON "tmdb_movies" USING btree ("tmdb_id");