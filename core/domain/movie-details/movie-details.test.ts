import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_CONFIG } from '../ports/movie-details.source.ts';
import { posterUrl } from './poster-url.ts';
import { normalizeRegion } from './regions.ts';

describe('posterUrl', () => {
  it('takes the smallest offered width that is wide enough, else the original', () => {
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, '/abc.jpg')).toBe('https://image.tmdb.org/t/p/w342/abc.jpg');
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, '/abc.jpg', 100)).toBe('https://image.tmdb.org/t/p/w154/abc.jpg');
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, '/abc.jpg', 5000)).toBe('https://image.tmdb.org/t/p/original/abc.jpg');
    expect(posterUrl({ secureBaseUrl: 'https://img.test/p', posterSizes: ['original', 'w500'] }, '/abc.jpg')).toBe('https://img.test/p/w500/abc.jpg');
  });

  it('puts nothing but a plain path in a URL', () => {
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, null)).toBeNull();
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, '')).toBeNull();
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, '/a.jpg"><script>')).toBeNull();
    expect(posterUrl(DEFAULT_IMAGE_CONFIG, '//evil.test/x.jpg')).toBeNull();
  });
});

describe('normalizeRegion', () => {
  it('accepts assigned ISO 3166-1 alpha-2 codes in any case', () => {
    expect(['us', ' De ', 'GB', 'br'].map(normalizeRegion)).toEqual(['US', 'DE', 'GB', 'BR']);
  });

  it('refuses reserved, unassigned and malformed codes', () => {
    expect(['UK', 'EU', 'XX', 'USA', '', 'U'].map(normalizeRegion)).toEqual([null, null, null, null, null, null]);
  });
});
