import type { TrainingData } from '../types.ts';

/**
 * A small world with three tastes: sci-fi (movies 1–12), romance (21–32)
 * and horror (41–52). Each user watches movies of one taste, liking most
 * and disliking a few (as in MovieLens, people rate what they chose to
 * watch), plus a popular blockbuster, 99. Movie 60 is a sci-fi film nobody
 * has rated: only its genre links it to the others.
 */
export function clusteredData(): TrainingData {
  const tastes = [
    { genre: 'Sci-Fi', ids: range(1, 12) },
    { genre: 'Romance', ids: range(21, 32) },
    { genre: 'Horror', ids: range(41, 52) },
  ];
  const movies = tastes.flatMap((t) => t.ids.map((id) => ({ id, title: `${t.genre} ${id}`, year: 2000, genres: [t.genre] })));
  movies.push({ id: 99, title: 'Blockbuster', year: 2010, genres: ['Action'] });
  movies.push({ id: 60, title: 'Unrated Sci-Fi', year: 2020, genres: ['Sci-Fi'] });
  const userIds: number[] = [];
  const movieIds: number[] = [];
  const ratings: number[] = [];
  let user = 0;
  let seed = 1;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  tastes.forEach((taste) => {
    for (let u = 0; u < 30; u++) {
      user++;
      const push = (movie: number, rating: number) => {
        userIds.push(user);
        movieIds.push(movie);
        ratings.push(rating);
      };
      for (const id of taste.ids) {
        const r = rnd();
        if (r < 0.6) push(id, 4 + Math.round(rnd()) / 2);
        else if (r < 0.7) push(id, 1.5);
      }
      if (rnd() < 0.8) push(99, 4);
    }
  });
  return {
    ratings: {
      length: userIds.length,
      userIds: Int32Array.from(userIds),
      movieIds: Int32Array.from(movieIds),
      ratings: Float32Array.from(ratings),
    },
    movies,
    tags: [],
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
