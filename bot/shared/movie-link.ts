/**
 * A movie card links to the movie's MovieLens page; the link is also how a
 * reaction on the card is traced back to its movie, with nothing stored.
 */
export const movieUrl = (movieId: number) => `https://movielens.org/movies/${movieId}`;

export function movieIdOfUrl(url: string | null | undefined): number | null {
  const match = /^https:\/\/movielens\.org\/movies\/(\d{1,9})$/.exec(url ?? '');
  return match ? Number(match[1]) : null;
}
