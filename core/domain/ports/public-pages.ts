/**
 * The public pages a web process keeps rendered (a person's shared list, a
 * server's trends page). Dropping one costs one render; keeping a stale one
 * shows a list or a membership that has changed.
 */
export interface PublicPages {
  /** Drops every page showing this person's taste or link: their list, the trends of the servers they are in. */
  dropPerson(userId: number): void;
  /** Drops the pages of this community: its trends page (who is in it, whether it is public). */
  dropCommunity(communityId: number): void;
}
