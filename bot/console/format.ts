import { movieLabel, type Movie } from '../../core/index.ts';

export function movieLine(n: number, movie: Movie, because?: Movie | null): string {
  const genres = movie.genres.length > 0 ? ` — ${movie.genres.join(', ')}` : '';
  const why = because ? ` · because you liked ${movieLabel(because)}` : '';
  return `  ${n}. ${movieLabel(movie)}${genres}${why}`;
}
