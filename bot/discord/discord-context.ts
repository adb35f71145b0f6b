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

/** Echoed titles must ping nobody. */
export const NO_MENTIONS = { parse: [] as [] };
