export { addFavorite } from './add-favorite.ts';
export { removeFavorite } from './remove-favorite.ts';
export { listFavorites } from './list-favorites.ts';
export { recordFeedback, type FeedbackRequest } from './record-feedback.ts';
export { recommend, type RecommendedMovie } from './recommend.ts';
export { shareLink } from './share-link.ts';
export { forgetUser } from './forget-user.ts';
export type { RecommendDeps, ShareDeps, TasteDeps } from './deps.ts';
export { joinCommunity, serverPick, type CommunityDeps, type CommunityRef } from './server-pick.ts';
