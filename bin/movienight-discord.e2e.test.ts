/**
 * Issue 14's Discord journey, end to end: `moviebot start` (as `npm start`
 * runs it) with only the bot token and the API root pointing at the
 * loopback Discord (REST and gateway). Four members RSVP on the night's
 * message, one nominates, the bot restarts, all four vote, the host closes
 * → exactly one guild scheduled event with the winner's name, the night's
 * start time and its voice channel; a fifth member presses "Interested" on
 * it and is in; the event ends → "How was <film>?", three 👍 stored (seen in
 * /movienight history, which counts them from the database); the next
 * night's shortlist leaves the watched film out and brings back the losing
 * nominee.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatWhen } from '../core/index.ts';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { asMember, FakeDiscord, inGuild, type FakeMessage, type RestCall } from '../test/support/fake-discord.ts';
import { EventStatus } from '../test/support/fake-discord-events.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-movienight-dc-');
const GUILD = '940000000000000000';
const TEXT = '940000000000000501';
const VOICE = '940000000000000502';
const [HOST, BEA, CAL, DEV, EVE] = ['941000000000000001', '941000000000000002', '941000000000000003', '941000000000000004', '941000000000000005'];
/** Each member's favourite: The Matrix, Toy Story, Star Wars, The Fellowship of the Ring. */
const FAVOURITES: Record<string, number> = { [HOST]: 2571, [BEA]: 1, [CAL]: 260, [DEV]: 4993 };
/** Films to nominate (Heat, Fargo, Alien, Casino): the first one not already on the list is taken. */
const NOMINEES = [6, 608, 1214, 16];
const WAIT = 30_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

type Message = {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id: string }[] }[];
};
const ids = (m: Message) => (m.components ?? []).flatMap((r) => r.components.map((b) => b.custom_id));
const text = (m: Message) =>
  [m.content ?? '', ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join('\n');

describe.skipIf(!ML_LATEST_SMALL.present)('movie night on Discord, through `moviebot start`', () => {
  it('RSVP ×4 → nominate → restart → vote ×4 → close: one event → Interested → event ends → 👍×3 → the next night', async () => {
    const discord = new FakeDiscord([{ id: GUILD, name: 'Film Club', channelId: TEXT, channels: [{ id: VOICE, type: 2, name: 'Cinema' }] }]);
    await discord.start();
    const dataDir = tmp();
    const port = await freePort();
    const logs: string[] = [];
    const start = async () => {
      const cli = spawnCli(['start'], {
        MOVIELENS_DIR: ML_LATEST_SMALL.dir,
        DATA_DIR: dataDir,
        PORT: String(port),
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APP_ID: discord.appId,
        DISCORD_API_URL: discord.apiUrl,
      });
      await cli.waitFor(/Press Ctrl-C to stop/, 120_000);
      return cli;
    };
    const stop = async (cli: RunningCli) => {
      cli.process.kill('SIGINT');
      const run = await cli.exited;
      logs.push(run.stdout, run.stderr);
    };
    const here = (user: string) => ({ ...inGuild(GUILD, TEXT), ...asMember(user) });
    const answer = async (id: string) => (await discord.waitFor((c) => c.path.startsWith(`/interactions/${id}/`), 0, WAIT)).body;
    const command = (user: string, name: string, sub: string, options: unknown[] = [], extra: Record<string, unknown> = {}) =>
      discord.interaction(user, 2, { id: '7', name, type: 1, options: [{ name: sub, type: 1, options }], ...extra }, here(user));
    const click = (user: string, customId: string, on: FakeMessage) => discord.click(user, customId, on, here(user));
    /** The night's message once an edit of it matches. */
    const edited = async (messageId: string, match: (m: Message) => boolean, from = 0) =>
      (
        await discord.waitFor(
          (c: RestCall) => c.method === 'PATCH' && c.path === `/channels/${TEXT}/messages/${messageId}` && match(c.body as Message),
          from,
          WAIT,
        )
      ).body as Message;

    let cli = await start();
    try {
      for (const [user, movieId] of Object.entries(FAVOURITES)) {
        const saved = await answer(command(user, 'fav', 'add', [{ name: 'movie', type: 3, value: `id:${movieId}` }]));
        expect((saved.data as Message).content).toMatch(/now a favourite/);
      }
      // The first start trains the model in the background: the shortlist needs it served.
      for (;;) {
        const list = (await answer(discord.interaction(HOST, 2, { id: '2', name: 'recommend', type: 1 }))).data as Message;
        if (list.embeds?.length) break;
        await new Promise((r) => setTimeout(r, 500));
      }

      // 1. The host plans the night in the voice channel; three more press "I'm in".
      const startId = command(
        HOST,
        'movienight',
        'start',
        [
          { name: 'when', type: 3, value: 'in 3 days' },
          { name: 'channel', type: 7, value: VOICE },
        ],
        {
          resolved: { channels: { [VOICE]: { id: VOICE, type: 2, name: 'Cinema', permissions: '0' } } },
        },
      );
      await answer(startId);
      const night = discord.replyTo(startId)!;
      expect(night.flags).toBe(0);
      const [inId, outId] = ids(night as Message);
      expect([inId, outId]).toEqual([expect.stringMatching(/^mn:in:\d+$/), expect.stringMatching(/^mn:out:\d+$/)]);
      const nightId = Number(inId!.split(':')[2]);
      for (const user of [BEA, CAL, DEV]) expect(((await answer(click(user, inId!, night))).data as Message).content).toMatch(/^You're in: /);
      const four = await edited(night.id, (m) => text(m).includes('**In (4):**') && ids(m).some((c) => c.startsWith('mv:')));
      expect(text(four)).toContain(`**Where:** <#${VOICE}>`);
      expect(text(four)).toContain(`**In (4):** <@${HOST}>, <@${BEA}>, <@${CAL}> and <@${DEV}>`);
      const listed = ids(four)
        .filter((c) => c.startsWith('mv:'))
        .map((c) => Number(c.split(':')[2]));
      expect(listed.length).toBe(4);
      for (const favourite of Object.values(FAVOURITES)) expect(listed).not.toContain(favourite);

      // 2. Bea nominates a film not on the list yet.
      const nominee = NOMINEES.find((id) => !listed.includes(id))!;
      const nominated = await answer(command(BEA, 'movienight', 'nominate', [{ name: 'movie', type: 3, value: `id:${nominee}` }]));
      expect((nominated.data as Message).content).toMatch(/^Added .+ to the list\.$/);
      await edited(night.id, (m) => (m.embeds?.[0]?.fields ?? []).some((f) => f.value.endsWith(`nominated by <@${BEA}>`)));

      // 3. A restart between the RSVPs and the close loses nothing.
      await stop(cli);
      cli = await start();

      // 4. Everyone votes: Bea for her nominee (her click delivered twice counts once: a toggle would take it back), three for another film.
      const winner = listed.find((id) => id !== nominee)!;
      const bea = click(BEA, `mv:${nightId}:${nominee}`, night);
      await answer(bea);
      discord.redeliver(bea);
      await discord.waitFor(
        (
          (n = 0) =>
          (c: RestCall) =>
            c.path.startsWith(`/interactions/${bea}/`) && ++n === 2
        )(),
        0,
        WAIT,
      );
      for (const user of [HOST, CAL, DEV])
        expect(((await answer(click(user, `mv:${nightId}:${winner}`, night))).data as Message).content).toMatch(/^Your votes: /);
      const counted = await edited(night.id, (m) => text(m).includes('— 3 votes') && text(m).includes('— 1 vote'));
      expect(text(counted)).toContain('**In (4):**');
      const winnerTitle = counted
        .embeds![0]!.fields!.find((f) => f.name.includes('— 3 votes'))!
        .name.replace(/^\d+\. /, '')
        .replace(/ — 3 votes$/, '');

      // 5. The host closes: the winner is posted, and exactly one server event made, at the night's time, in its channel.
      const closed = (await answer(command(HOST, 'movienight', 'close'))).data as Message;
      expect(closed.content).toContain(`🏆 **${winnerTitle}** it is`);
      expect(closed.content).toContain("It is on the server's events");
      expect(discord.calls.filter((c) => c.method === 'POST' && c.path === `/guilds/${GUILD}/scheduled-events`)).toHaveLength(1);
      const [event] = discord.events.events.values();
      expect(event).toMatchObject({ name: winnerTitle, channel_id: VOICE, entity_type: 2, privacy_level: 2, guild_id: GUILD });
      expect(event!.description).toMatch(/^3 of 4 votes; .+\. For m\d+, m\d+, m\d+ and m\d+\.$/);
      const startsAt = new Date(event!.scheduled_start_time);
      expect(counted.embeds![0]!.title).toBe(`🎬 Movie night — ${formatWhen(startsAt, 'UTC')}`);
      await edited(night.id, (m) => text(m).includes(`🏆 **${winnerTitle}** won.`));

      // 6. Eve presses "Interested" on the event: she is in.
      discord.events.setInterested(event!.id, EVE);
      await edited(night.id, (m) => text(m).includes('**In (5):**'));

      // 7. The event ends: "How was <film>?"; three who were in say 👍.
      const from = discord.calls.length;
      discord.events.setStatus(event!.id, EventStatus.Active);
      discord.events.setStatus(event!.id, EventStatus.Completed);
      const ask = await discord.waitFor((c) => c.method === 'POST' && c.path === `/channels/${TEXT}/messages`, from, WAIT);
      expect((ask.body as Message).content).toMatch(new RegExp(`^How was ${winnerTitle.replace(/[()]/g, '\\$&')}\\?`));
      const askMessage = discord.channelMessages.inChannel(TEXT).at(-1)!;
      for (const user of [HOST, CAL, DEV]) {
        expect(((await answer(click(user, `mh:u:${nightId}`, askMessage))).data as Message).content).toMatch(/^👍 .+ thanks, noted\.$/);
      }
      const history = ((await answer(command(BEA, 'movienight', 'history'))).data as Message).content!;
      expect(history).toContain(`**${winnerTitle}** · 5 in · 4 voted · 👍 3 👎 0`);

      // 8. The next night: the watched film is out, the losing nominee is back, marked.
      const nextId = command(CAL, 'movienight', 'start', [{ name: 'when', type: 3, value: 'in 10 days' }]);
      await answer(nextId);
      const next = discord.replyTo(nextId)!;
      expect(ids(next as Message)[0]).not.toBe(inId);
      await answer(click(DEV, ids(next as Message)[0]!, next));
      const nextList = await edited(next.id, (m) => ids(m).some((c) => c.startsWith('mv:')));
      const nextIds = ids(nextList)
        .filter((c) => c.startsWith('mv:'))
        .map((c) => Number(c.split(':')[2]));
      expect(nextIds).not.toContain(winner);
      expect(nextIds).toContain(nominee);
      expect(nextList.embeds![0]!.fields!.find((f) => f.value.includes('carried over'))!.value).toContain(`nominated by <@${BEA}>`);
      console.log(`movie night message edits: ${discord.channelMessages.editsOf(night.id)}`);
    } finally {
      await stop(cli);
      await discord.stop();
    }
    // Nothing failed on the way: no error logged, no edit of the night's message refused.
    expect(logs.join('\n')).not.toMatch(/"level":50|could not edit the movie night message|could not create the movie night event/);
  }, 420_000);
});
