import type { Interaction } from 'discord.js';
import type { ImportDeps, Logger, NightDeps, PlatformIdentity, ShareDeps } from '../../core/index.ts';
import type { DiscordNights } from './night-actions.ts';

export interface DiscordDeps {
  deps: NightDeps & ImportDeps;
  share: ShareDeps;
  logger: Logger;
  /** Movie nights on Discord: their public messages, scheduled events and "how was it?" (night-actions.ts). */
  nights: DiscordNights;
}

export function identityOf(interaction: Interaction): PlatformIdentity {
  return { platform: 'discord', platformUserId: interaction.user.id, username: interaction.user.username };
}

/** Echoed titles must ping nobody. */
export const NO_MENTIONS = { parse: [] as [] };
