import { describe, expect, it } from 'vitest';
import { pickTrailer, type TmdbVideoRecord } from './trailer.ts';

const v = (key: string, type: string, official: boolean, published_at: string, site = 'YouTube'): TmdbVideoRecord => ({
  key,
  site,
  type,
  official,
  published_at,
});

describe('pickTrailer', () => {
  it('prefers an official Trailer, the newest of them', () => {
    const videos = [
      v('fanTrailer1', 'Trailer', false, '2024-05-01T00:00:00.000Z'),
      v('oldOfficial', 'Trailer', true, '2010-01-01T00:00:00.000Z'),
      v('newOfficial', 'Trailer', true, '2021-01-01T00:00:00.000Z'),
      v('teaserNewer', 'Teaser', true, '2025-01-01T00:00:00.000Z'),
    ];
    expect(pickTrailer(videos)).toBe('newOfficial');
  });

  it('takes an unofficial trailer over an official teaser, and a teaser over nothing', () => {
    expect(pickTrailer([v('teaserOffic', 'Teaser', true, '2025-01-01T00:00:00Z'), v('trailerFan1', 'Trailer', false, '2020-01-01T00:00:00Z')])).toBe(
      'trailerFan1',
    );
    expect(pickTrailer([v('teaserOnly1', 'Teaser', false, '2025-01-01T00:00:00Z')])).toBe('teaserOnly1');
  });

  it('never offers clips, featurettes, other sites or keys that are not YouTube ids', () => {
    expect(
      pickTrailer([
        v('clipClipCli', 'Clip', true, '2025-01-01T00:00:00Z'),
        v('featurette1', 'Featurette', true, '2025-01-01T00:00:00Z'),
        v('123456789', 'Trailer', true, '2025-01-01T00:00:00Z', 'Vimeo'),
        v('bad key"><x', 'Trailer', true, '2025-01-01T00:00:00Z'),
      ]),
    ).toBeNull();
    expect(pickTrailer([])).toBeNull();
  });

  it('puts a trailer without a readable date after dated ones', () => {
    expect(pickTrailer([v('noDateAtAll', 'Trailer', true, 'soon'), v('datedTrail1', 'Trailer', true, '2001-01-01T00:00:00Z')])).toBe('datedTrail1');
  });
});
