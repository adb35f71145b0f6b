// CommonJS: Node's ESM loader sees only its default export.
import cronParser from 'cron-parser';

/** Parsers of configuration values that need more than a schema line (core/config.ts validates with them). */

/**
 * Why `value` is not a usable RETRAIN_CRON, or null: `off`, or 5–6 fields that
 * cron-parser (the parser BullMQ's scheduler uses) accepts, so "99 99 * * *"
 * stops the process at boot rather than at the scheduler's first upsert.
 */
export function cronProblem(value: string): string | null {
  if (value === 'off') return null;
  const fields = value.split(/\s+/).length;
  if (fields < 5 || fields > 6) return `"${value}" has ${fields} field${fields === 1 ? '' : 's'}`;
  try {
    cronParser.parseExpression(value);
    return null;
  } catch (err) {
    return `"${value}" is not valid (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Which gateway shards a bot process runs: `auto`, or ids of a total count. */
export type DiscordShards = 'auto' | { ids: number[]; count: number };

/** `auto` | `N` | `IDS/N` with IDS a comma list of ids and ranges; null when malformed or out of range. */
export function parseShards(value: string): DiscordShards | null {
  if (value === 'auto') return 'auto';
  const match = /^(?:([\d,\s-]+)\/)?(\d{1,5})$/.exec(value);
  if (!match) return null;
  const count = Number(match[2]);
  if (count < 1) return null;
  if (match[1] === undefined) return { ids: Array.from({ length: count }, (_, i) => i), count };
  const ids = new Set<number>();
  for (const part of match[1].split(',').map((p) => p.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) return null;
    const [from, to] = [Number(range[1]), Number(range[2] ?? range[1])];
    if (from > to || to >= count) return null;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return { ids: [...ids].sort((a, b) => a - b), count };
}
