import path from 'node:path';
import { z } from 'zod';

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
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

const optionalUrl = (protocols: string[]) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), url(protocols).optional());

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  MOVIELENS_DIR: optionalString,
  MOVIELENS_BASE_URL: url(['http:', 'https:']).default('https://files.grouplens.org/datasets/movielens'),
  PORT: z
    .string()
    .trim()
    .default('3000')
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, 'must be a whole number from 0 to 65535')
    .transform(Number),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().regex(/^\d{5,25}$/, 'must be a numeric Discord application id').optional(),
  ),
  DISCORD_API_URL: url(['http:', 'https:']).default('https://discord.com/api'),
  TELEGRAM_TOKEN: optionalString,
  TELEGRAM_API_ROOT: url(['http:', 'https:']).default('https://api.telegram.org'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type ConfigInput = z.input<typeof configSchema>;

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  movielensDir: string | undefined;
  movielensBaseUrl: string;
  port: number;
  host: string;
  publicUrl: string;
  discord: { token: string | undefined; appId: string | undefined; apiUrl: string };
  telegram: { token: string | undefined; apiRoot: string };
  logLevel: (typeof LOG_LEVELS)[number];
}

/** The environment variable names the config knows (used by the docker-compose check). */
export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
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
  const e = result.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    movielensDir: e.MOVIELENS_DIR ? path.resolve(e.MOVIELENS_DIR) : undefined,
    movielensBaseUrl: e.MOVIELENS_BASE_URL.replace(/\/+$/, ''),
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    discord: { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, apiUrl: e.DISCORD_API_URL.replace(/\/+$/, '') },
    telegram: { token: e.TELEGRAM_TOKEN, apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, '') },
    logLevel: e.LOG_LEVEL,
  };
}
