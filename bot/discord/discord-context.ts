import type { Interaction } from 'discord.js';
import type { CommunityDeps, Logger, PlatformIdentity, ShareDeps } from '../../core/index.ts';

export interface DiscordDeps {
  deps: CommunityDeps;
  share: ShareDeps;
  logger: Logger;
}

export function identityOf(interaction: Interaction): PlatformIdentity {
  return { platform: 'discord', platformUserId: interaction.user.id, username: interaction.user.username };
}

/** custom_id ≤ 100 characters: ids only. */
export const CUSTOM_ID = {
  rate: (value: 1 | -1, movieId: number) => `r:${value === 1 ? 'u' : 'd'}:${movieId}`,
} as const;

/** Echoed titles must ping nobody. */
export const NO_MENTIONS = { parse: [] as [] };
