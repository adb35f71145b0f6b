import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/support/databases.ts';
import { tmdbPosters } from './posters.ts';

const movie = (id: number, tmdbId: number | null) => ({ id, title: `M${id}`, year: 2000, genres: [], imdbId: null, tmdbId });

function fakeTmdb(answers: Record<number, { status: number; body?: unknown }>) {
  const asked: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const id = Number(url.match(/movie\/(\d+)/)![1]);
    const a = answers[id] ?? { status: 404 };
    return new Response(JSON.stringify(a.body ?? {}), { status: a.status });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

describe('TMDB posters', () => {
  it('finds poster URLs by tmdbId once, then answers from memory', async () => {
    const tmdb = fakeTmdb({ 603: { status: 200, body: { poster_path: '/matrix.jpg' } }, 11: { status: 200, body: { poster_path: null } } });
    const posters = tmdbPosters({ apiKey: 'k&y', logger: silentLogger, fetch: tmdb.fetch, apiUrl: 'http://tmdb.test/3' });
    const of = await posters.lookup([movie(1, 603), movie(2, 11), movie(3, null), movie(4, 999)]);
    expect([of(movie(1, 603)), of(movie(2, 11)), of(movie(3, null)), of(movie(4, 999))]).toEqual([
      'https://image.tmdb.org/t/p/w342/matrix.jpg',
      null,
      null,
      null,
    ]);
    expect(tmdb.asked).toHaveLength(3);
    expect(tmdb.asked[0]).toBe('http://tmdb.test/3/movie/603?api_key=k%26y');
    await posters.lookup([movie(1, 603), movie(2, 11)]);
    expect(tmdb.asked).toHaveLength(3);
  });

  it('treats a TMDB failure or a strange path as no poster', async () => {
    const tmdb = fakeTmdb({ 1: { status: 500 }, 2: { status: 200, body: { poster_path: '"><script>' } } });
    const posters = tmdbPosters({ apiKey: 'k', logger: silentLogger, fetch: tmdb.fetch });
    const of = await posters.lookup([movie(1, 1), movie(2, 2)]);
    expect([of(movie(1, 1)), of(movie(2, 2))]).toEqual([null, null]);
  });
});
