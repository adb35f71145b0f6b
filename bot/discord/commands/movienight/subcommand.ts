import { MessageFlags, type ChatInputCommandInteraction, type SlashCommandSubcommandBuilder } from 'discord.js';
import type { CommunityRef } from '../../../../core/index.ts';
import type { DiscordDeps } from '../../discord-context.ts';

/** One /movienight subcommand: its options, and what runs when it is used. */
export interface NightSubcommand {
  readonly name: string;
  build(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  execute(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void>;
}

/** The server the command is used in; null (and the person told, privately) in a direct message. */
export async function serverOf(i: ChatInputCommandInteraction): Promise<CommunityRef | null> {
  if (i.guildId) return { platform: 'discord', id: i.guildId, name: i.guild?.name ?? null };
  await i.reply({ content: "Movie nights are for servers: use /movienight in a server's channel.", flags: MessageFlags.Ephemeral });
  return null;
}

/** A private answer. */
export const privately = (content: string) => ({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] as [] } }) as const;

export const NO_NIGHT_HERE = 'No movie night is planned in this channel. Start one with /movienight start.';
