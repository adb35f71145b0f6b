import { beforeEach, describe, expect, it } from 'vitest';
import { seedGuild } from '../../../test/support/memory-community.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { fakeInteraction, isEphemeral, textOf } from '../testing/fake-interaction.ts';
import { trendsCommand } from './trends.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

const trends = (o: Parameters<typeof fakeInteraction>[0] = {}) => fakeInteraction({ commandName: 'trends', ...o });

describe('/trends', () => {
  it('works only in a server', async () => {
    const i = trends({ guildId: null });
    await trendsCommand.execute(i as never, d);
    expect(i.replies[0]!.content).toBe('Trends are about a server: use /trends in one.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });

  it('says how many members are still needed before there are trends', async () => {
    await seedGuild(d.deps, 'g1', { a: [1] });
    const i = trends();
    await trendsCommand.execute(i as never, d);
    expect(i.replies[0]!.embeds[0]!.title).toBe('Trends appear once 3 members have shared their taste (so far 1).');
  });

  it("shows the server's most liked movies publicly, with its charts link", async () => {
    const id = await seedGuild(d.deps, 'g1', { a: [1, 2, 99], b: [1, 2], c: [1, 21] });
    const i = trends();
    await trendsCommand.execute(i as never, d);
    const reply = i.replies[0]!;
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.embeds[0]!.title).toBe('Taste of this server, from 3 members');
    const liked = reply.embeds[0]!.fields!.find((f) => f.name === 'Most liked')!;
    expect(liked.value).toContain('Sci-Fi 1 (2000) — 👍 3');
    const slug = (await d.deps.communities.find(id))!.trendsSlug;
    expect(reply.embeds[0]!.footer!.text).toBe(`Charts: https://movies.example/s/${slug}`);
    expect(textOf(reply)).not.toContain('<@');
  });

  it('lets only a member who can manage the server turn the page off', async () => {
    const id = await seedGuild(d.deps, 'g1', { a: [1] });
    const member = trends({ strings: { page: 'off' } });
    await trendsCommand.execute(member as never, d);
    expect(member.replies[0]!.content).toBe('Only members who can manage the server can turn the trends page on or off.');
    expect((await d.deps.communities.find(id))!.trendsEnabled).toBe(true);

    const admin = trends({ strings: { page: 'off' }, canManageGuild: true });
    await trendsCommand.execute(admin as never, d);
    expect(admin.replies[0]!.content).toBe('The trends page is now off.');
    expect(isEphemeral(admin.replies[0]!)).toBe(true);
    expect((await d.deps.communities.find(id))!.trendsEnabled).toBe(false);
  });
});
