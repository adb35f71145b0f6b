import type { TasteChange } from '../events/taste-changes.ts';
import type { PublicPages } from '../ports/public-pages.ts';

/**
 * Anything a public page shows changed: the web process drops the rendered
 * pages at once instead of waiting for their TTL. A person's taste, their
 * forgetting or a replaced share link drops their list and the trends of
 * their servers; linking two accounts or unlinking them drops both people's
 * (after a merge the absorbed one's link is revoked or moved); a join, a page switched on or off or a movie night's result
 * drops that server's trends page.
 *
 * Why this is correct: dropping costs one render, and the page is made
 * again from the stores, which already hold the write. Writes made by
 * another process are not announced here: those pages expire with the page
 * cache's TTL, and revoked links within its liveness check.
 */
export function dropPagesWhenListsChange(pages: PublicPages) {
  return (change: TasteChange): void => {
    switch (change.type) {
      case 'feedback-recorded':
      case 'favorite-added':
      case 'favorite-removed':
      case 'seen-changed':
      case 'watchlist-changed':
      case 'taste-imported':
      case 'person-forgotten':
      case 'share-link-replaced':
        return pages.dropPerson(change.userId);
      case 'people-merged':
        pages.dropPerson(change.userId);
        return pages.dropPerson(change.absorbed);
      case 'person-split':
        pages.dropPerson(change.userId);
        return pages.dropPerson(change.newUserId);
      case 'member-joined':
      case 'trends-page-switched':
      case 'movie-night-ended':
        return pages.dropCommunity(change.communityId);
    }
  };
}
