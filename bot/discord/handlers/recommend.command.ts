import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { movieLabel, recommend, recordFeedback } from '../../../core/index.ts';
import { CUSTOM_ID, identityOf, NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';

export const recommendDefinition = new SlashCommandBuilder().setName('recommend').setDescription('Movies for you');

/** Five movies in an embed, a 👍/👎 pair per movie (five rows: Discord's maximum). */
export async function recommendCommand(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void> {
  const picks = await recommend(d.deps, identityOf(i), { k: 5 });
  const embed = new EmbedBuilder().setTitle('Movies for you').setDescription(
    picks
      .map((p, n) => {
        const why = p.because ? `\n   because you liked ${movieLabel(p.because)}` : '';
        return `**${n + 1}. ${movieLabel(p.movie)}** — ${p.movie.genres.join(', ')}${why}`;
      })
      .join('\n')
      .slice(0, 4096),
  );
  const rows = picks.map((p, n) =>
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(CUSTOM_ID.rate(1, p.movie.id)).setLabel(`👍 ${n + 1}`).setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(CUSTOM_ID.rate(-1, p.movie.id)).setLabel(`👎 ${n + 1}`).setStyle(ButtonStyle.Secondary),
    ),
  );
  await i.reply({ embeds: [embed], components: rows, ephemeral: true, allowedMentions: NO_MENTIONS });
}

/** A 👍/👎 click: stored before it is acknowledged; the interaction id makes a redelivery count once. */
export async function rateButton(i: ButtonInteraction, d: DiscordDeps, value: 1 | -1, movieId: number): Promise<void> {
  const { movie, recorded } = await recordFeedback(d.deps, {
    identity: identityOf(i),
    movieId,
    value,
    source: 'button',
    eventKey: `dc:${i.id}`,
  });
  await i.reply({
    content: recorded ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie)} — noted.` : 'Already noted.',
    ephemeral: true,
    allowedMentions: NO_MENTIONS,
  });
}
