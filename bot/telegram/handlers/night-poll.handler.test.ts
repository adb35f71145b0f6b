import { beforeEach, describe, expect, it } from 'vitest';
import { nightSetup } from '../testing/night-setup.ts';

let s: Awaited<ReturnType<typeof nightSetup>>;
let pollId: string;
let ids: number[];
beforeEach(async () => {
  s = await nightSetup();
  const state = await s.twoIn();
  ids = state.candidates.map((c) => c.movieId);
  await s.inGroup('/movienight vote');
  pollId = (await s.d.deps.nights.state(1))!.night.pollId!;
});

const votes = async () => (await s.d.deps.nights.state(1))!.votes.map((v) => v.movieId).sort((a, b) => a - b);

describe('poll answers', () => {
  it("replace the person's votes; an empty answer retracts them; the message shows the counts", async () => {
    await s.tg.pollAnswer(pollId, [0, 2], s.users.ANN);
    expect(await votes()).toEqual([ids[0]!, ids[2]!].sort((a, b) => a - b));
    await s.tg.pollAnswer(pollId, [1], s.users.ANN);
    expect(await votes()).toEqual([ids[1]]);
    expect(String((await s.message())!.text)).toMatch(/^2\. .+ — 1 vote$/m);
    await s.tg.pollAnswer(pollId, [], s.users.ANN);
    expect(await votes()).toEqual([]);
  });

  it('an answer to some other poll, or after the close, changes nothing and replies nowhere', async () => {
    const before = s.tg.calls.length;
    await s.tg.pollAnswer('5000000000000000001', [0], s.users.BOB);
    await s.tg.pollAnswer(pollId, [0], s.users.BOB);
    await s.inGroup('/movienight close');
    await s.tg.pollAnswer(pollId, [1], s.users.CY);
    expect(await votes()).toEqual([ids[0]]);
    await s.board.flush();
    expect(s.tg.calls.slice(before).filter((c) => c.method === 'sendMessage' && !/^🏆/.test(String(c.payload.text)))).toEqual([]);
    expect(s.d.logger.lines).toEqual([]);
  });
});
