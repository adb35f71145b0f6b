import { MIN_CONTRIBUTORS, movieLabel, type ServerTrends } from '../../core/index.ts';

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The server's trends as plain lines, the same on every platform (the caller adds the platform's formatting). */
export function trendsLines({ trends, pageUrl }: ServerTrends): { heading: string; sections: [string, string[]][]; footer: string } {
  if (!trends.enough) {
    return {
      heading: `Trends appear once ${MIN_CONTRIBUTORS} members have shared their taste (so far ${trends.contributors}).`,
      sections: [],
      footer: 'Save favourites with /fav and rate picks with 👍/👎.',
    };
  }
  const tally = (t: { movie: Parameters<typeof movieLabel>[0]; likes: number; dislikes: number }) =>
    `${movieLabel(t.movie)} — 👍 ${t.likes}${t.dislikes ? ` 👎 ${t.dislikes}` : ''}`;
  const sections: [string, string[]][] = [
    ['Top genres', trends.topGenres.map((g) => `${g.genre} ${percent(g.share)}`)],
    ['Most liked', trends.mostLiked.map(tally)],
    ['Most divisive', trends.mostDivisive.map(tally)],
    ['Hidden gems', trends.hiddenGems.map(tally)],
  ];
  return {
    heading: `Taste of this server, from ${trends.contributors} members`,
    sections: sections.filter(([, lines]) => lines.length > 0),
    footer: pageUrl ? `Charts: ${pageUrl}` : 'The trends page is turned off for this server.',
  };
}
