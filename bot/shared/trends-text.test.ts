import { describe, expect, it } from 'vitest';
import type { ServerTrends } from '../../core/index.ts';
import { smallCatalog } from '../testing/bot-deps.ts';
import { trendsLines } from './trends-text.ts';

const movie = (id: number) => smallCatalog.get(id)!;
const community: ServerTrends['community'] = { id: 1, platform: 'discord', platformCommunityId: 'g1', name: null, trendsSlug: 's', trendsEnabled: true };
const empty = { topGenres: [], genresByMonth: [], mostLiked: [], mostDivisive: [], hiddenGems: [] };

describe('trendsLines', () => {
  it('says how far the server is from having trends', () => {
    const out = trendsLines({ community, pageUrl: null, trends: { ...empty, enough: false, contributors: 1 } } satisfies ServerTrends);
    expect(out.heading).toBe('Trends appear once 3 members have shared their taste (so far 1).');
    expect(out.sections).toEqual([]);
  });

  it('shows genre shares as percentages and tallies, leaving out empty sections, with the charts link', () => {
    const out = trendsLines({
      community,
      pageUrl: 'https://movies.example/s/abc',
      trends: {
        ...empty,
        enough: true,
        contributors: 4,
        topGenres: [{ genre: 'Horror', share: 0.666 }],
        mostLiked: [{ movie: movie(42), likes: 3, dislikes: 0 }],
        mostDivisive: [{ movie: movie(1), likes: 2, dislikes: 2 }],
      },
    } satisfies ServerTrends);
    expect(out.heading).toBe('Taste of this server, from 4 members');
    expect(out.sections).toEqual([
      ['Top genres', ['Horror 67%']],
      ['Most liked', ['Horror 42 (2000) — 👍 3']],
      ['Most divisive', ['Sci-Fi 1 (2000) — 👍 2 👎 2']],
    ]);
    expect(out.footer).toBe('Charts: https://movies.example/s/abc');
  });

  it('says when the page is turned off', () => {
    const out = trendsLines({ community, pageUrl: null, trends: { ...empty, enough: true, contributors: 3 } } satisfies ServerTrends);
    expect(out.footer).toBe('The trends page is turned off for this server.');
  });
});
