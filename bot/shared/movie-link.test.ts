import { describe, expect, it } from 'vitest';
import { movieIdOfUrl, movieUrl } from './movie-link.ts';

describe('movie links', () => {
  it("lead back to the movie's id", () => {
    expect(movieUrl(42)).toBe('https://movielens.org/movies/42');
    expect(movieIdOfUrl(movieUrl(42))).toBe(42);
  });

  it('any other link, or none, names no movie', () => {
    for (const url of [
      null,
      undefined,
      '',
      'https://movielens.org/movies/',
      'http://movielens.org/movies/42',
      'https://movielens.org/movies/42?x',
      'https://evil.example/?https://movielens.org/movies/42',
    ]) {
      expect(movieIdOfUrl(url)).toBeNull();
    }
  });
});
