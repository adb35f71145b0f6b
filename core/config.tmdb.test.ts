import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** TMDB_API_KEY / TMDB_ACCESS_TOKEN / TMDB_API_URL and DEFAULT_REGION. */
describe('TMDB config', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl';

  it('is off without a key or token, and the region defaults to US', () => {
    expect(loadConfig({})).toMatchObject({ tmdb: undefined, defaultRegion: 'US' });
    expect(loadConfig({ TMDB_API_KEY: ' ', TMDB_ACCESS_TOKEN: '', TMDB_API_URL: '', DEFAULT_REGION: '' })).toMatchObject({
      tmdb: undefined,
      defaultRegion: 'US',
    });
  });

  it('takes a key or a token, and the API root without its trailing slash', () => {
    expect(loadConfig({ TMDB_API_KEY: 'abc123' }).tmdb).toEqual({ apiUrl: 'https://api.themoviedb.org/3', apiKey: 'abc123', accessToken: undefined });
    expect(loadConfig({ TMDB_ACCESS_TOKEN: token, TMDB_API_URL: 'http://127.0.0.1:4000/3/' }).tmdb).toEqual({
      apiUrl: 'http://127.0.0.1:4000/3',
      apiKey: undefined,
      accessToken: token,
    });
  });

  it('says which variable a key or token pasted in the wrong place belongs in', () => {
    expect(problems({ TMDB_API_KEY: token })).toEqual([{ variable: 'TMDB_API_KEY', message: expect.stringContaining('set it as TMDB_ACCESS_TOKEN') }]);
    expect(problems({ TMDB_ACCESS_TOKEN: 'abc123' })).toEqual([{ variable: 'TMDB_ACCESS_TOKEN', message: expect.stringContaining('goes in TMDB_API_KEY') }]);
    expect(problems({ TMDB_API_URL: 'api.themoviedb.org/3' })[0]!.variable).toBe('TMDB_API_URL');
  });

  it('takes an ISO 3166-1 region in any case and refuses others, naming the variable', () => {
    expect(loadConfig({ DEFAULT_REGION: ' de ' }).defaultRegion).toBe('DE');
    expect(problems({ DEFAULT_REGION: 'UK' })).toEqual([
      { variable: 'DEFAULT_REGION', message: '"UK" is not an ISO 3166-1 alpha-2 country code (e.g. US, GB, DE); did you mean GB?' },
    ]);
    expect(problems({ DEFAULT_REGION: 'Germany' })[0]!.variable).toBe('DEFAULT_REGION');
  });
});
