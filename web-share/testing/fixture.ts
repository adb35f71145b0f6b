import type { FastifyInstance } from 'fastify';
import {
  addFavorite,
  answerRsvp,
  castVote,
  closeMovieNight,
  finishMovieNight,
  rateMovieNight,
  refreshShortlist,
  startMovieNight,
  joinCommunity,
  MovieCatalog,
  recordFeedback,
  shareLink,
  TasteChanges,
  type Community,
  type CommunityRef,
  type PlatformIdentity,
  type NightDeps,
  type Logger,
  type Movie,
  type ShareDeps,
} from '../../core/index.ts';
import { cachedStores, createRepositories } from '../../core/wiring.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../../test/support/databases.ts';
import { buildWebApp, type WebAppOptions } from '../app.ts';
import type { RateLimitOptions } from '../plugins/security.ts';
import type { PosterSource } from '../posters/posters.ts';
import { DEMO_MOVIES, DEMO_POPULARITY, XSS, XSS_MOVIES } from './demo-data.ts';
import { GenreRecommender } from './demo-recommender.ts';

/** A /healthz report for tests that build the web app without a running product. */
export const testHealth: WebAppOptions['health'] = async () => ({
  ok: true,
  version: 'test',
  node: process.version,
  uptimeSeconds: 0,
  movies: 'MovieLens',
  storage: { kind: 'pglite', connected: true },
  redis: 'not configured',
  catalog: null,
  bots: {},
});

/** The security headers among a response's headers (everything but content, caching, connection and rate-limit ones), to compare responses. */
export function securityHeadersOf(headers: Record<string, unknown>): Record<string, unknown> {
  const other = /^(content-type|content-length|etag|cache-control|vary|date|connection|keep-alive|x-ratelimit-.*|retry-after|content-encoding)$/;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !other.test(name.toLowerCase())));
}

export interface WebFixture {
  app: FastifyInstance;
  deps: NightDeps;
  share: ShareDeps;
  changes: TasteChanges;
  handle: TestDatabase;
  /** Slug of Ann's shared list. */
  listSlug: string;
  /** Slug of the Film Club's trends page (enough members). */
  trendsSlug: string;
  community: Community;
  /** Slug of a server with too few members for trends. */
  smallTrendsSlug: string;
  ann: { platform: 'discord'; platformUserId: string };
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Script payloads as titles, genres and the server name. */
  xss?: boolean;
  rateLimit?: RateLimitOptions;
  logger?: Logger;
  posters?: PosterSource;
  publicUrl?: string;
  cache?: { ttlMs?: number; livenessMs?: number };
}

const who = (id: string) => ({ platform: 'discord' as const, platformUserId: id, username: id });

/** A movie night of the server, started in November and over: its host and two more came, two said it was good. */
async function pastMovieNight(deps: NightDeps, server: CommunityRef, [host, ...guests]: PlatformIdentity[]): Promise<void> {
  const then = { ...deps, now: () => new Date('2026-11-02T12:00:00Z') };
  const { state } = await startMovieNight(then, { identity: host!, community: server, channelId: 'movie-club', when: '2026-11-06 21:00' });
  const nightId = state.night.id;
  for (const guest of guests) await answerRsvp(then, { nightId, identity: guest, going: true, via: 'button' });
  const { candidates } = await refreshShortlist(then, nightId);
  for (const [i, person] of [host!, ...guests].entries())
    await castVote(then, { nightId, identity: person, movieId: candidates[i === 2 ? 1 : 0]!.movieId, eventKey: `v${i}` });
  await closeMovieNight(then, { nightId, identity: host!, mayManage: false });
  await finishMovieNight(then, { nightId });
  await rateMovieNight(then, { nightId, identity: host!, value: 1, eventKey: 'h1' });
  await rateMovieNight(then, { nightId, identity: guests[0]!, value: 1, eventKey: 'h2' });
}

/**
 * The real web app over a fresh PGlite holding a shared list and a server
 * with trends, written through the same use cases, announcing to the same
 * page drops as production. Used by the inject tests, the browser pass and bench:web.
 */
export async function webFixture(options: FixtureOptions = {}): Promise<WebFixture> {
  const handle = await freshPglite();
  const movies: Movie[] = [...DEMO_MOVIES, ...(options.xss ? XSS_MOVIES : [])];
  for (const m of movies) {
    await handle.database.sql.query('INSERT INTO movies (id, title, year, genres, tmdb_id) VALUES ($1, $2, $3, $4, $5)', [
      m.id,
      m.title,
      m.year,
      m.genres,
      m.tmdbId,
    ]);
  }
  const repos = createRepositories(handle.database.db);
  const catalog = new MovieCatalog(movies, DEMO_POPULARITY);
  const model = new GenreRecommender(movies);
  const changes = new TasteChanges();
  const deps: NightDeps = { ...cachedStores(repos), seen: repos.seen, watchlist: repos.watchlist, nights: repos.nights, catalog, model: () => model, changes };
  const share: ShareDeps = { accounts: deps.accounts, sharedLists: repos.sharedLists, publicUrl: options.publicUrl ?? 'https://movies.example.org', changes };

  const ann = who('ann');
  const annFavorites = options.xss ? [100, 101, 102, 10, 103, 104, 105] : [10, 13, 24, 18, 15, 27];
  for (const id of annFavorites) await addFavorite(deps, ann, id);
  await recordFeedback(deps, { identity: ann, movieId: 31, value: -1, source: 'button' });
  const listSlug = new URL(await shareLink(share, ann)).pathname.split('/').pop()!;

  const server = { platform: 'discord' as const, id: 'film-club', name: options.xss ? XSS[3]! : 'Film Club 🎬' };
  const members: [string, number[], [number, 1 | -1][]][] = [
    ['ann', [], [[32, 1]]],
    [
      'bea',
      [10, 13, 21, 27, 28, 5],
      [
        [31, -1],
        [32, 1],
      ],
    ],
    [
      'cal',
      [10, 12, 23, 28, 19, 2],
      [
        [31, 1],
        [32, -1],
      ],
    ],
    [
      'dev',
      [13, 24, 27, 9, 25, 35],
      [
        [31, -1],
        [26, 1],
      ],
    ],
    [
      'eli',
      [15, 20, 30, 34, 35, 16],
      [
        [31, 1],
        [32, -1],
        [22, 1],
      ],
    ],
    ...(options.xss ? [['xss', [100, 101, 103], [[104, 1]]] as [string, number[], [number, 1 | -1][]]] : []),
  ];
  for (const [name, favorites, votes] of members) {
    await joinCommunity(deps, who(name), server);
    for (const id of favorites) await addFavorite(deps, who(name), id);
    for (const [movieId, value] of votes) await recordFeedback(deps, { identity: who(name), movieId, value, source: 'button' });
  }
  // Spread the likes over the last months, so "genres over time" has a history to draw.
  await handle.database.sql.query(`UPDATE favorites SET created_at = now() - (((movie_id * 7 + user_id * 3) % 6) * interval '31 days')`);
  const community = await deps.communities.ensure(server.platform, server.id);
  await pastMovieNight(deps, server, ['ann', 'bea', 'cal'].map(who));
  const small = { platform: 'telegram' as const, id: 'tiny-group', name: 'Tiny group' };
  await joinCommunity(deps, who('bea'), small);
  const smallTrendsSlug = (await deps.communities.ensure(small.platform, small.id)).trendsSlug;

  const app = await buildWebApp({
    logger: options.logger ?? silentLogger,
    health: testHealth,
    share: {
      deps: { ...deps, sharedLists: share.sharedLists },
      publicUrl: share.publicUrl,
      inviteUrl: 'https://discord.com/oauth2/authorize?client_id=123456&scope=bot+applications.commands',
      changes,
      posters: options.posters,
      cache: options.cache,
    },
    rateLimit: options.rateLimit,
  });
  return {
    app,
    deps,
    share,
    changes,
    handle,
    listSlug,
    trendsSlug: community.trendsSlug,
    community,
    smallTrendsSlug,
    ann,
    async close() {
      await app.close();
      await handle.drop();
    },
  };
}
