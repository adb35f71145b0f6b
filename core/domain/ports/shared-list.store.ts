export interface SharedListStore {
  /** The user's live slug, creating one if they have none. */
  getOrCreate(userId: number): Promise<string>;
  /** Revokes the live slug (it answers 404 from now on) and issues a new one. */
  replace(userId: number): Promise<string>;
  /** The owner of a live slug; null for unknown or revoked slugs. */
  findOwner(slug: string): Promise<number | null>;
}
