import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  communityPick,
  movieNightHistory,
  sharedListOwner,
  sharedListPage,
  subscribePublicPages,
  trendsBySlug,
  type NightDeps,
  type PublicPages,
  type SharedListDeps,
  type TasteChanges,
} from '../core/index.ts';
import { PageCache } from './page-cache.ts';
import { noPosters, type PosterSource } from './posters/posters.ts';
import { listCardSvg, trendsCardSvg } from './views/card.ts';
import type { LayoutAssets } from './views/layout.ts';
import { listPage } from './views/list.view.ts';
import { svgToPng } from './views/png.ts';
import { trendsPage, type TrendsPageData } from './views/trends.view.ts';

/** What the share site reads: the product's use-case deps plus the share links. */
export interface ShareSiteOptions {
  deps: NightDeps & SharedListDeps;
  publicUrl: string;
  /** Where "get your own" leads (a bot invite); null leads to the home page. */
  inviteUrl: string | null;
  /** Writes announced by this process: the pages they make stale are dropped at once (core/domain/subscribers, drop-pages-when-lists-change). */
  changes?: TasteChanges;
  posters?: PosterSource;
  cache?: { maxEntries?: number; ttlMs?: number; livenessMs?: number };
}

/** A page ready to send: the bytes, their gzip, an ETag; the preview image is made on first ask. */
export interface RenderedPage {
  html: Buffer;
  gzip: Buffer;
  etag: string;
  card: () => Promise<Buffer>;
}

interface ListEntry extends RenderedPage {
  ownerId: number;
}
interface TrendsEntry extends RenderedPage {
  communityId: number;
}

const RECOMMENDATIONS = 12;
/** A page made while no model is served yet lacks its picks: it is kept only briefly, until the model is loaded. */
const NO_MODEL_TTL_MS = 2000;
const GROUP_PICK = 6;
const NIGHTS = 8;
/** nanoid's alphabet; a request for anything else is a 404 without a database round-trip. */
const SLUG = /^[A-Za-z0-9_-]{21,64}$/;

export class SharePages implements PublicPages {
  private readonly lists: PageCache<ListEntry>;
  private readonly trends: PageCache<TrendsEntry>;
  private readonly posters: PosterSource;
  private readonly base: string;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly options: ShareSiteOptions,
    private readonly assets: LayoutAssets,
  ) {
    const cache = { maxEntries: 2000, ttlMs: 60_000, livenessMs: 1000, ...options.cache };
    this.lists = new PageCache(cache);
    this.trends = new PageCache(cache);
    this.posters = options.posters ?? noPosters;
    this.base = options.publicUrl.replace(/\/+$/, '');
    this.unsubscribe = options.changes ? subscribePublicPages(options.changes, this) : () => {};
  }

  get cacheStats() {
    return { hits: this.lists.hits + this.trends.hits, misses: this.lists.misses + this.trends.misses, entries: this.lists.size + this.trends.size };
  }

  /** A person's list page, and the trends pages of the servers they are in (each is tagged with its members). */
  dropPerson(userId: number): void {
    this.drop(`u:${userId}`);
  }

  dropCommunity(communityId: number): void {
    this.drop(`c:${communityId}`);
  }

  private drop(tag: string): void {
    this.lists.invalidate(tag);
    this.trends.invalidate(tag);
  }

  close(): void {
    this.unsubscribe();
  }

  list(slug: string): RenderedPage | null | Promise<RenderedPage | null> {
    if (!SLUG.test(slug)) return null;
    const { deps } = this.options;
    return this.lists.get(slug, {
      load: async () => {
        const list = await sharedListPage(deps, slug, { k: RECOMMENDATIONS });
        if (!list) return null;
        const posterOf = await this.posters.lookup([...list.favorites, ...list.recommendations.map((r) => r.movie)]);
        const links = this.links(`/l/${slug}`);
        const page = rendered(listPage(list, posterOf, links), () => listCardSvg(list));
        return { value: { ...page, ownerId: list.ownerId }, tags: [`u:${list.ownerId}`], ttlMs: this.modelTtl() };
      },
      stillLive: async (entry) => (await sharedListOwner(deps, slug)) === entry.ownerId,
    });
  }

  trendsPage(slug: string): RenderedPage | null | Promise<RenderedPage | null> {
    if (!SLUG.test(slug)) return null;
    const { deps } = this.options;
    return this.trends.get(slug, {
      load: async () => {
        const trends = await trendsBySlug(deps, slug, this.base);
        if (!trends) return null;
        const { community } = trends;
        const [pick, memberIds, nights] = await Promise.all([
          trends.trends.enough ? communityPick(deps, community, GROUP_PICK) : [],
          deps.communities.memberIds(community.id),
          movieNightHistory(deps, { platform: community.platform, id: community.platformCommunityId }, NIGHTS),
        ]);
        const data: TrendsPageData = { trends, pick, nights };
        const t = trends.trends;
        const shown = [...t.mostLiked, ...t.mostDivisive, ...t.hiddenGems]
          .map((x) => x.movie)
          .concat(
            pick.map((p) => p.movie),
            nights.map((n) => n.movie),
          );
        const posterOf = await this.posters.lookup(shown);
        const page = rendered(trendsPage(data, posterOf, this.links(`/s/${slug}`)), () => trendsCardSvg(data));
        // A member's new favourite or vote changes the trends: the page depends on each member.
        return { value: { ...page, communityId: community.id }, tags: [`c:${community.id}`, ...memberIds.map((id) => `u:${id}`)], ttlMs: this.modelTtl() };
      },
      stillLive: async (entry) => {
        const community = await deps.communities.findByTrendsSlug(slug);
        return community !== null && community.id === entry.communityId && community.trendsEnabled;
      },
    });
  }

  private modelTtl(): number | undefined {
    return this.options.deps.model() === null ? NO_MODEL_TTL_MS : undefined;
  }

  private links(path: string) {
    return { pageUrl: `${this.base}${path}`, imageUrl: `${this.base}${path}/card.png`, inviteUrl: this.options.inviteUrl, assets: this.assets };
  }
}

function rendered(page: string, cardSvg: () => string): RenderedPage {
  const html = Buffer.from(page);
  let card: Promise<Buffer> | null = null;
  return {
    html,
    gzip: gzipSync(html, { level: 6 }),
    etag: `"${createHash('sha1').update(html).digest('base64url').slice(0, 20)}"`,
    card: () => {
      card ??= svgToPng(cardSvg()).catch((err: unknown) => {
        card = null;
        throw err;
      });
      return card;
    },
  };
}
