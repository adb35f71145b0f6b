/**
 * What the fake TMDB knows: records in the documented v3 shape of
 * `movie/{id}?append_to_response=videos,watch/providers`. Titles and release
 * years are real; Toy Story (862), The Matrix (603) and Fight Club (550) carry
 * the TMDB ids ml-latest-small's links.csv gives them, and the 2025 films are
 * in no MovieLens release. Overviews, image paths, video keys and the other
 * identifiers are made up for the tests.
 */

export interface TmdbProviderEntry {
  provider_id: number;
  provider_name: string;
  logo_path: string;
  display_priority: number;
}

export interface TmdbRegionOffers {
  link: string;
  flatrate?: TmdbProviderEntry[];
  rent?: TmdbProviderEntry[];
  buy?: TmdbProviderEntry[];
  free?: TmdbProviderEntry[];
  ads?: TmdbProviderEntry[];
}

export interface TmdbVideo {
  iso_639_1: string;
  iso_3166_1: string;
  name: string;
  key: string;
  site: string;
  size: number;
  type: string;
  official: boolean;
  published_at: string;
  id: string;
}

/** One film as `movie/{id}` answers it with both appends. */
export interface FakeTmdbMovie {
  id: number;
  title: string;
  original_title: string;
  original_language: string;
  overview: string;
  release_date: string;
  runtime: number | null;
  poster_path: string | null;
  backdrop_path: string | null;
  genres: { id: number; name: string }[];
  imdb_id: string | null;
  popularity: number;
  vote_average: number;
  vote_count: number;
  adult: boolean;
  video: boolean;
  status: string;
  videos: { results: TmdbVideo[] };
  'watch/providers': { results: Record<string, TmdbRegionOffers> };
}

/** The services TMDB lists for movies, with their order per region (`watch/providers/movie`). */
export const FAKE_PROVIDERS = [
  { provider_id: 8, provider_name: 'Netflix', logo_path: '/netflix.jpg', display_priority: 1, display_priorities: { US: 1, GB: 1, DE: 1 } },
  { provider_id: 1899, provider_name: 'Max', logo_path: '/max.jpg', display_priority: 2, display_priorities: { US: 2 } },
  { provider_id: 9, provider_name: 'Amazon Prime Video', logo_path: '/prime.jpg', display_priority: 3, display_priorities: { US: 3, GB: 2, DE: 2 } },
  { provider_id: 337, provider_name: 'Disney Plus', logo_path: '/disney.jpg', display_priority: 4, display_priorities: { US: 4, GB: 3, DE: 3 } },
  { provider_id: 2, provider_name: 'Apple TV', logo_path: '/apple.jpg', display_priority: 5, display_priorities: { US: 5, GB: 4, DE: 4 } },
  { provider_id: 10, provider_name: 'Amazon Video', logo_path: '/amazon-video.jpg', display_priority: 6, display_priorities: { US: 6, GB: 5, DE: 5 } },
  { provider_id: 73, provider_name: 'Tubi TV', logo_path: '/tubi.jpg', display_priority: 7, display_priorities: { US: 7 } },
  { provider_id: 300, provider_name: 'Pluto TV', logo_path: '/pluto.jpg', display_priority: 8, display_priorities: { US: 8, DE: 8 } },
  { provider_id: 30, provider_name: 'WOW', logo_path: '/wow.jpg', display_priority: 9, display_priorities: { DE: 6 } },
] as const;

/** A provider as a region's offer list names it, with that region's priority. */
export function offer(name: string, region: string): TmdbProviderEntry {
  const p = FAKE_PROVIDERS.find((x) => x.provider_name === name);
  if (!p) throw new Error(`no fake provider ${name}`);
  const priority = (p.display_priorities as Record<string, number>)[region] ?? p.display_priority;
  return { provider_id: p.provider_id, provider_name: p.provider_name, logo_path: p.logo_path, display_priority: priority };
}

function offers(id: number, slug: string, region: string, kinds: Partial<Record<'flatrate' | 'rent' | 'buy' | 'free' | 'ads', string[]>>): TmdbRegionOffers {
  const out: TmdbRegionOffers = { link: `https://www.themoviedb.org/movie/${id}-${slug}/watch?locale=${region}` };
  for (const [kind, names] of Object.entries(kinds)) out[kind as keyof typeof kinds] = names!.map((n) => offer(n, region));
  return out;
}

let videoSeq = 0;
export function video(key: string, type: string, official: boolean, publishedAt: string, site = 'YouTube', name = `${type}`): TmdbVideo {
  return { iso_639_1: 'en', iso_3166_1: 'US', name, key, site, size: 1080, type, official, published_at: publishedAt, id: `v${++videoSeq}` };
}

const G = {
  action: { id: 28, name: 'Action' },
  adventure: { id: 12, name: 'Adventure' },
  animation: { id: 16, name: 'Animation' },
  comedy: { id: 35, name: 'Comedy' },
  crime: { id: 80, name: 'Crime' },
  drama: { id: 18, name: 'Drama' },
  family: { id: 10751, name: 'Family' },
  horror: { id: 27, name: 'Horror' },
  scifi: { id: 878, name: 'Science Fiction' },
  thriller: { id: 53, name: 'Thriller' },
};

type Base = Omit<FakeTmdbMovie, 'original_title' | 'original_language' | 'backdrop_path' | 'adult' | 'video' | 'status' | 'vote_average' | 'vote_count'> &
  Partial<FakeTmdbMovie>;

function film(m: Base): FakeTmdbMovie {
  return {
    original_title: m.title,
    original_language: 'en',
    backdrop_path: m.poster_path ? m.poster_path.replace('.jpg', '-backdrop.jpg') : null,
    adult: false,
    video: false,
    status: m.release_date ? 'Released' : 'In Production',
    vote_average: 7.5,
    vote_count: 1000,
    ...m,
  };
}

/** The 2025 film absent from MovieLens that the acceptance test syncs, finds and shows. */
export const NEW_2025_FILM = film({
  id: 1054867,
  title: 'One Battle After Another',
  overview: 'A washed-up revolutionary goes looking for his daughter when an old enemy resurfaces. Years of hiding end in one long chase.',
  release_date: '2025-09-26',
  runtime: 162,
  poster_path: '/one-battle-after-another.jpg',
  genres: [G.action, G.thriller, G.crime],
  imdb_id: 'tt30144839',
  popularity: 310.5,
  videos: {
    results: [
      video('obaaTeaser1', 'Teaser', true, '2024-12-10T17:00:00.000Z'),
      video('obaaTrailr1', 'Trailer', true, '2025-06-24T16:00:00.000Z', 'YouTube', 'Official Trailer'),
      video('obaaTrailr2', 'Trailer', true, '2025-08-20T16:00:00.000Z', 'YouTube', 'Official Trailer 2'),
    ],
  },
  'watch/providers': {
    results: {
      US: offers(1054867, 'one-battle-after-another', 'US', { flatrate: ['Max'], rent: ['Apple TV', 'Amazon Video'], buy: ['Apple TV', 'Amazon Video'] }),
      GB: offers(1054867, 'one-battle-after-another', 'GB', { rent: ['Apple TV'], buy: ['Apple TV'] }),
    },
  },
});

export const FAKE_TMDB_MOVIES: readonly FakeTmdbMovie[] = [
  film({
    id: 862,
    title: 'Toy Story',
    overview: "A cowboy doll's place as a boy's favourite toy is threatened by a new space ranger. The two rivals get lost and must find their way home.",
    release_date: '1995-11-22',
    runtime: 81,
    poster_path: '/toy-story.jpg',
    genres: [G.animation, G.adventure, G.family, G.comedy],
    imdb_id: 'tt0114709',
    popularity: 95.2,
    videos: { results: [video('toyStoryTr1', 'Trailer', true, '2010-03-01T10:00:00.000Z')] },
    'watch/providers': {
      results: {
        US: offers(862, 'toy-story', 'US', { flatrate: ['Disney Plus'], rent: ['Apple TV', 'Amazon Video'], buy: ['Amazon Video', 'Apple TV'] }),
        GB: offers(862, 'toy-story', 'GB', { flatrate: ['Disney Plus'] }),
      },
    },
  }),
  film({
    id: 603,
    title: 'The Matrix',
    overview: 'A hacker learns that the world he lives in is a simulation. He joins the rebels who fight the machines that built it.',
    release_date: '1999-03-31',
    runtime: 136,
    poster_path: '/the-matrix.jpg',
    genres: [G.action, G.scifi],
    imdb_id: 'tt0133093',
    popularity: 120.7,
    videos: {
      // The choice: official Trailer, newest; not the newer fan upload, the teaser, the clip, or Vimeo.
      results: [
        video('matrixFanTr', 'Trailer', false, '2024-01-05T00:00:00.000Z', 'YouTube', 'Fan Trailer'),
        video('matrixOld01', 'Trailer', true, '2009-05-01T00:00:00.000Z', 'YouTube', 'Original Trailer'),
        video('matrix4kTr1', 'Trailer', true, '2021-09-09T00:00:00.000Z', 'YouTube', '4K Trailer'),
        video('matrixTeasr', 'Teaser', true, '2023-01-01T00:00:00.000Z'),
        video('matrixClip1', 'Clip', true, '2024-02-01T00:00:00.000Z'),
        video('123456789', 'Trailer', true, '2025-01-01T00:00:00.000Z', 'Vimeo'),
      ],
    },
    'watch/providers': {
      results: {
        US: offers(603, 'the-matrix', 'US', { flatrate: ['Netflix', 'Max'], rent: ['Apple TV', 'Amazon Video'], buy: ['Apple TV', 'Amazon Video'] }),
        GB: offers(603, 'the-matrix', 'GB', { flatrate: ['Netflix'], buy: ['Apple TV'] }),
        DE: offers(603, 'the-matrix', 'DE', { flatrate: ['WOW'], ads: ['Pluto TV'] }),
      },
    },
  }),
  film({
    id: 550,
    title: 'Fight Club',
    overview: 'An insomniac office worker and a soap salesman start an underground fight club. It grows into something far more dangerous.',
    release_date: '1999-10-15',
    runtime: 139,
    poster_path: '/fight-club.jpg',
    genres: [G.drama, G.thriller],
    imdb_id: 'tt0137523',
    popularity: 80.1,
    // Only a Vimeo upload and a clip: no trailer to offer.
    videos: {
      results: [video('987654321', 'Trailer', true, '2015-01-01T00:00:00.000Z', 'Vimeo'), video('fightClip01', 'Clip', true, '2016-01-01T00:00:00.000Z')],
    },
    'watch/providers': { results: { DE: offers(550, 'fight-club', 'DE', { flatrate: ['Netflix'], free: ['Pluto TV'] }) } },
  }),
  NEW_2025_FILM,
  film({
    id: 1233413,
    title: 'Sinners',
    overview: 'Twin brothers return to their hometown to start again. On the opening night of their juke joint, something evil is waiting.',
    release_date: '2025-04-18',
    runtime: 138,
    poster_path: '/sinners.jpg',
    genres: [G.horror, G.action, G.thriller],
    imdb_id: 'tt31193180',
    popularity: 150.3,
    videos: { results: [video('sinnersTr01', 'Trailer', true, '2025-01-15T12:00:00.000Z', 'YouTube', 'Official Trailer')] },
    'watch/providers': { results: { US: offers(1233413, 'sinners', 'US', { flatrate: ['Max'], buy: ['Apple TV'] }) } },
  }),
  film({
    id: 1078605,
    title: 'Weapons',
    overview: 'All but one child from the same class vanish on the same night at the same time. The town wants to know why.',
    release_date: '2025-08-08',
    runtime: 128,
    poster_path: '/weapons-2025.jpg',
    genres: [G.horror],
    imdb_id: 'tt26581740',
    popularity: 200.9,
    videos: { results: [video('weaponsTr01', 'Trailer', true, '2025-04-20T12:00:00.000Z')] },
    'watch/providers': { results: {} },
  }),
  // Announced, not out: empty strings and nulls where TMDB has nothing yet.
  film({
    id: 1400001,
    title: 'Untitled Lighthouse Project',
    overview: '',
    release_date: '',
    runtime: 0,
    poster_path: null,
    genres: [],
    imdb_id: null,
    popularity: 1.2,
    videos: { results: [] },
    'watch/providers': { results: {} },
  }),
];

/** Ids `trending/movie/week` lists, most popular first by default. */
export const FAKE_TRENDING_IDS: readonly number[] = [1078605, 1054867, 1233413, 603];

/**
 * `count` made-up films first released on days spread from `from` to `to`
 * (YYYY-MM-DD), ids from `firstId`: enough for discover to page through.
 */
export function syntheticMovies(count: number, from: string, to: string, firstId = 5_000_000): FakeTmdbMovie[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Date.parse(`${to}T00:00:00Z`) - start;
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(start + Math.round((span * i) / Math.max(1, count - 1))).toISOString().slice(0, 10);
    return film({
      id: firstId + i,
      title: `Synthetic Film ${i + 1}`,
      overview: `Made-up film number ${i + 1}.`,
      release_date: day,
      runtime: 90 + (i % 40),
      poster_path: `/synthetic-${i + 1}.jpg`,
      genres: [i % 2 ? G.comedy : G.drama],
      imdb_id: null,
      popularity: 10 + ((i * 37) % 100),
      videos: { results: [] },
      'watch/providers': { results: {} },
    });
  });
}
