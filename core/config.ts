import path from 'node:path';
import { z } from 'zod';
import { normalizeRegion, REGION_HINTS } from './domain/movie-details/regions.ts';
import { normalizeTimeZone } from './domain/movie-night/when.ts';
import { cronProblem, parseShards } from './config-values.ts';

export { cronProblem, parseShards, type DiscordShards } from './config-values.ts';

/**
 * The one place that reads `process.env`. Every process validates its
 * configuration at boot with {@link loadConfig}; the rest of the code receives
 * the typed {@link Config}.
 */

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

/** An optional variable: unset or blank both mean unset; anything else must pass `schema`. */
const unlessBlank = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** A variable with a default: unset or blank both mean the default. */
const blankIsDefault = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

const optionalUrl = (protocols: string[]) => unlessBlank(url(protocols));

/** A JSON Web Token (TMDB's read access token): three base64url parts. */
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** A TCP port number; `from` is 0 for a listening port (0: any free one), 1 for one others connect to. */
const port = (from: 0 | 1) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= from && Number(v) <= 65535, `must be a whole number from ${from} to 65535`)
    .transform(Number);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  MOVIELENS_DIR: optionalString,
  MOVIELENS_BASE_URL: url(['http:', 'https:']).default('https://files.grouplens.org/datasets/movielens'),
  PORT: z.string().default('3000').pipe(port(0)),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Port of the /metrics endpoint of `moviebot worker` and `moviebot bot` (they have no web server); unset: none. */
  METRICS_PORT: unlessBlank(port(1)),
  /** Opens the queue dashboard (/admin/queues) to whoever presents it; unset: the dashboard is off. */
  ADMIN_TOKEN: unlessBlank(
    z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{24,256}$/, 'must be 24–256 characters without spaces (e.g. the output of `openssl rand -hex 24`)'),
  ),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  /** Where a share page's "get your own" leads; defaults to the Discord invite when DISCORD_APP_ID is set. */
  BOT_INVITE_URL: optionalUrl(['http:', 'https:']),
  /**
   * Optional online catalog (posters, trailers, where to watch, new releases): TMDB's v3 API key, sent as
   * `api_key`, or its API Read Access Token, sent as `Authorization: Bearer`. Neither: MovieLens alone.
   */
  TMDB_API_KEY: unlessBlank(
    z
      .string()
      .trim()
      .refine((v) => !JWT.test(v), 'looks like the API Read Access Token: set it as TMDB_ACCESS_TOKEN')
      .refine((v) => /^[\x21-\x7e]+$/.test(v), 'must be the v3 API key from themoviedb.org/settings/api (no spaces)'),
  ),
  TMDB_ACCESS_TOKEN: unlessBlank(
    z.string().trim().regex(JWT, 'must be the API Read Access Token from themoviedb.org/settings/api (a long eyJ… token); a v3 key goes in TMDB_API_KEY'),
  ),
  /** TMDB's v3 root; tests point it at a loopback fake. */
  TMDB_API_URL: blankIsDefault(url(['http:', 'https:']).default('https://api.themoviedb.org/3')),
  /** The region (ISO 3166-1 alpha-2) whose streaming services cards show when a member has not chosen one. */
  DEFAULT_REGION: blankIsDefault(
    z
      .string()
      .trim()
      .default('US')
      .superRefine((v, ctx) => {
        if (normalizeRegion(v)) return;
        const hint = REGION_HINTS[v.toUpperCase()];
        ctx.addIssue({ code: 'custom', message: `"${v}" is not an ISO 3166-1 alpha-2 country code (e.g. US, GB, DE)${hint ? `; did you mean ${hint}?` : ''}` });
      })
      .transform((v) => normalizeRegion(v)!),
  ),
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: unlessBlank(
    z
      .string()
      .trim()
      .regex(/^\d{5,25}$/, 'must be a numeric Discord application id'),
  ),
  DISCORD_API_URL: url(['http:', 'https:']).default('https://discord.com/api'),
  /**
   * Gateway shards this process runs: unset = one; `auto` = as many as Discord recommends; `N` = N here;
   * `IDS/N` (e.g. `0,1/4` or `2-3/4`) = these of N, so bot processes can split a large bot between them.
   */
  DISCORD_SHARDS: unlessBlank(
    z
      .string()
      .trim()
      .refine((v) => parseShards(v) !== null, 'must be auto, a shard count (e.g. 4), or shard ids of a count (e.g. 0,1/4 or 2-3/4)'),
  ),
  TELEGRAM_TOKEN: optionalString,
  TELEGRAM_API_ROOT: url(['http:', 'https:']).default('https://api.telegram.org'),
  /** Public HTTPS URL Telegram posts updates to; long polling when unset. */
  TELEGRAM_WEBHOOK_URL: optionalUrl(['https:', 'http:']),
  /** Checked on every webhook request (X-Telegram-Bot-Api-Secret-Token); a random one per start when unset. */
  TELEGRAM_WEBHOOK_SECRET: unlessBlank(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -'),
  ),
  /** Local port the webhook listens on (a reverse proxy forwards TELEGRAM_WEBHOOK_URL to it). */
  TELEGRAM_WEBHOOK_PORT: z.string().default('8443').pipe(port(0)),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** The zone movie nights are read and shown in on a server that never set its own (`/movienight settings`); unset: UTC. */
  TZ: unlessBlank(
    z
      .string()
      .trim()
      // glibc reads ":Europe/Berlin" as Europe/Berlin.
      .transform((v) => v.replace(/^:/, ''))
      .refine((v) => normalizeTimeZone(v) !== null, 'must be an IANA time zone name such as Europe/Berlin or UTC')
      .transform((v) => normalizeTimeZone(v)!),
  ),
  /** When the model is retrained (cron, server time): by BullMQ's scheduler with Redis, by a timer in `start` without; `off` disables it. */
  RETRAIN_CRON: z
    .string()
    .trim()
    .default('0 3 * * *')
    .superRefine((v, ctx) => {
      const problem = cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}: must be a cron pattern of 5 or 6 fields (e.g. "0 3 * * *" for 03:00 daily) or off` });
    }),
});

export type ConfigInput = z.input<typeof configSchema>;

/** The typed configuration every process receives: what {@link loadConfig} derives from the variables. */
export type Config = ReturnType<typeof toConfig>;

/** The environment variable names the config knows (used by the docker-compose check). */
export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws {@link ConfigError} naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(unknown)'),
        message: issue.message,
      })),
    );
  }
  return toConfig(result.data);
}

/** The variables, validated, as the shape the code reads (paths resolved, URLs without a trailing slash). */
function toConfig(e: z.output<typeof configSchema>) {
  return {
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    movielensDir: e.MOVIELENS_DIR ? path.resolve(e.MOVIELENS_DIR) : undefined,
    movielensBaseUrl: e.MOVIELENS_BASE_URL.replace(/\/+$/, ''),
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    /** The share site's "get your own" link, or null. */
    inviteUrl:
      e.BOT_INVITE_URL ?? (e.DISCORD_APP_ID ? `https://discord.com/oauth2/authorize?client_id=${e.DISCORD_APP_ID}&scope=bot+applications.commands` : null),
    tmdbApiKey: e.TMDB_API_KEY,
    /** TMDB's address and credentials when a key or token is set; undefined: MovieLens alone. */
    tmdb:
      e.TMDB_API_KEY || e.TMDB_ACCESS_TOKEN
        ? { apiUrl: e.TMDB_API_URL.replace(/\/+$/, ''), apiKey: e.TMDB_API_KEY, accessToken: e.TMDB_ACCESS_TOKEN }
        : undefined,
    /** ISO 3166-1 alpha-2, upper case. */
    defaultRegion: e.DEFAULT_REGION,
    /** Where worker and bot processes serve /metrics; undefined: they do not. */
    metricsPort: e.METRICS_PORT,
    /** The queue dashboard's token; undefined: the dashboard is off. */
    adminToken: e.ADMIN_TOKEN,
    discord: {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
      shards: e.DISCORD_SHARDS === undefined ? undefined : (parseShards(e.DISCORD_SHARDS) ?? undefined),
    },
    telegram: {
      token: e.TELEGRAM_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      /** Set: webhook mode (URL, secret, local port); unset: long polling. */
      webhook: e.TELEGRAM_WEBHOOK_URL ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET, port: e.TELEGRAM_WEBHOOK_PORT } : undefined,
    },
    logLevel: e.LOG_LEVEL,
    /** Movie nights' default time zone (IANA name), or undefined for UTC. */
    timeZone: e.TZ,
    /** Cron pattern of the scheduled retrain, or null when it is off. */
    retrainCron: e.RETRAIN_CRON === 'off' ? null : e.RETRAIN_CRON,
  };
}
