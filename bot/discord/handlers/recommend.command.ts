import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { movieLabel, recommend, recordFeedback, serverPick, type RecommendedMovie } from '../../../core/index.ts';
import { ratingId } from '../../shared/rating-id.ts';
import { identityOf, NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';

export const recommendDefinition = new SlashCommandBuilder()
  .setName('recommend')
  .setDescription('Movies for you, or for the whole server')
  .addStringOption((o) =>
    o.setName('for').setDescription('Who to pick for').addChoices({ name: 'me', value: 'me' }, { name: 'server', value: 'server' }),
  );

/** The list message: the picks in an embed, a 👍/👎 pair per movie (five rows: Discord's maximum). */
function listMessage(picks: RecommendedMovie[], note?: string) {
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
      new ButtonBuilder().setCustomId(ratingId(1, p.movie.id)).setLabel(`👍 ${n + 1}`).setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(ratingId(-1, p.movie.id)).setLabel(`👎 ${n + 1}`).setStyle(ButtonStyle.Secondary),
    ),
  );
  return { content: note ?? '', embeds: [embed], components: rows, allowedMentions: NO_MENTIONS };
}

export async function recommendCommand(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void> {
  if (i.options.getString('for') === 'server') {
    if (!i.guildId) return void (await i.reply({ content: 'The server pick works in a server, not in direct messages.', flags: MessageFlags.Ephemeral }));
    const { picks, members } = await serverPick(d.deps, { platform: 'discord', id: i.guildId }, 5);
    const who = members === 0 ? 'nobody here has favourites yet, so these are popular picks' : `picked for the ${members} member(s) who told me their taste`;
    // Public: the server pick is for everyone in the channel.
    await i.reply({ ...listMessage(picks, `🍿 Server pick — ${who}.`), components: [] });
    return;
  }
  const picks = await recommend(d.deps, identityOf(i), { k: 5 });
  await i.reply({ ...listMessage(picks), flags: MessageFlags.Ephemeral });
}

/**
 * A 👍/👎 click: stored first (the interaction id makes a redelivery count
 * once), then acknowledged by updating the list in place: the rated movie
 * leaves it and a fresh one takes its place.
 */
export async function rateButton(i: ButtonInteraction, d: DiscordDeps, value: 1 | -1, movieId: number): Promise<void> {
  const { movie, recorded } = await recordFeedback(d.deps, {
    identity: identityOf(i),
    movieId,
    value,
    source: 'button',
    eventKey: `dc:${i.id}`,
  });
  const note = recorded ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie)} — noted.` : 'Already noted.';
  const picks = await recommend(d.deps, identityOf(i), { k: 5 });
  await i.update(listMessage(picks, note));
}
