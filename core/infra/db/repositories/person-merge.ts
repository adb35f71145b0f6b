import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../../domain/model.ts';
import type { PlatformIdentity } from '../../../domain/ports/account.store.ts';
import type { Db } from '../database.types.ts';
import { linkAttempts, linkCodes } from '../schema-links.ts';
import { movieNightCandidates, movieNights } from '../schema-movie-nights.ts';
import { feedbackEvents, platformAccounts, sharedLists, users } from '../schema.ts';

/**
 * What linking and unlinking accounts do to a person's rows, inside the
 * caller's transaction (AccountsRepository.redeemLinkCode / splitIdentity).
 * Table and column names below are constants of this file, never input.
 */

/** A table of rows that belong to one person, keyed by user_id and `key`. */
interface PersonTable {
  table: string;
  key: readonly string[];
  /** Every column but user_id (the key's included). */
  columns: readonly string[];
  /** On a key both people have, the row with the later value here is kept; without it, the survivor's. */
  newest?: string;
}

/** What a person likes: merged on a link, copied to both on an unlink. */
const TASTE: readonly PersonTable[] = [
  { table: 'favorites', key: ['movie_id'], columns: ['movie_id', 'created_at'] },
  { table: 'feedback', key: ['movie_id'], columns: ['movie_id', 'value', 'source', 'community_id', 'updated_at'], newest: 'updated_at' },
];

/** Films seen (a film both saw keeps the later date) and kept for later: merged and copied like the rest of the taste. */
const SEEN_AND_WATCHLIST: readonly PersonTable[] = [
  { table: 'seen', key: ['movie_id'], columns: ['movie_id', 'at', 'source'], newest: 'at' },
  { table: 'watchlist', key: ['movie_id'], columns: ['movie_id', 'added_at'] },
];

/** What a person did on movie nights: merged on a link (one answer, the newer; one loss, the survivor's). */
const NIGHT_ROWS: readonly PersonTable[] = [
  { table: 'movie_night_rsvps', key: ['night_id'], columns: ['night_id', 'going', 'via', 'at'], newest: 'at' },
  { table: 'movie_night_votes', key: ['night_id', 'movie_id'], columns: ['night_id', 'movie_id', 'at'] },
  { table: 'movie_night_losses', key: ['night_id'], columns: ['night_id', 'loss'] },
];

const MEMBERSHIPS: PersonTable = { table: 'memberships', key: ['community_id'], columns: ['community_id', 'joined_at'] };

const names = (list: readonly string[]) => sql.raw(list.map((c) => `"${c}"`).join(', '));

/** Copies `from`'s rows to `to`; on a key `to` already has, the table's conflict rule decides. */
async function copyRows(tx: Db, t: PersonTable, from: number, to: number, where: SQL = sql``): Promise<void> {
  const others = t.columns.filter((c) => !t.key.includes(c));
  const onConflict = !t.newest
    ? sql`do nothing`
    : sql`do update set ${sql.raw(others.map((c) => `"${c}" = excluded."${c}"`).join(', '))} where excluded."${sql.raw(t.newest)}" > ${sql.raw(`"${t.table}"."${t.newest}"`)}`;
  await tx.execute(
    sql`insert into ${sql.raw(`"${t.table}"`)} ("user_id", ${names(t.columns)})
        select ${to}::int, ${names(t.columns)} from ${sql.raw(`"${t.table}"`)} where "user_id" = ${from}::int ${where}
        on conflict ("user_id", ${names(t.key)}) ${onConflict}`,
  );
}

/**
 * Locks the users' rows, in id order (two merges never wait on each other
 * crosswise): a write for the absorbed user made meanwhile waits for the
 * merge and then fails (its user is gone) instead of vanishing in the cascade.
 */
async function lockUsers(tx: Db, ids: number[]): Promise<number[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.id)).for('update');
  return rows.map((r) => r.id);
}

/** Everything `from` holds becomes `into`'s, then `from` is deleted. */
export async function mergePeople(tx: Db, from: number, into: number): Promise<void> {
  if ((await lockUsers(tx, [from, into])).length !== 2) throw new Error(`cannot merge user ${from} into ${into}: one is gone`);
  await tx.update(platformAccounts).set({ userId: into }).where(eq(platformAccounts.userId, from));
  for (const t of [...TASTE, ...SEEN_AND_WATCHLIST, MEMBERSHIPS, ...NIGHT_ROWS]) await copyRows(tx, t, from, into);
  // The whole history, as it happened: the model and the trends count events.
  await tx.update(feedbackEvents).set({ userId: into }).where(eq(feedbackEvents.userId, from));
  await renameOnNights(tx, from, into);
  // One share page: the survivor's; the absorbed one's answers 404 like a replaced link (a redirect would tell
  // anyone holding it that the two are one person), unless the survivor had none, and then it is theirs.
  await tx.execute(
    sql`update "shared_lists" set "revoked_at" = now() where "user_id" = ${from}::int and "revoked_at" is null
        and exists (select 1 from "shared_lists" where "user_id" = ${into}::int and "revoked_at" is null)`,
  );
  // Revoked rows too: a slug is never issued twice.
  await tx.update(sharedLists).set({ userId: into }).where(eq(sharedLists.userId, from));
  await tx.update(linkAttempts).set({ userId: into }).where(eq(linkAttempts.userId, from));
  await tx.delete(users).where(eq(users.id, from));
}

/** Who a night's list was made for, favoured, hosted or nominated: `from` becomes `to` (on `nights` only, if given). */
async function renameOnNights(tx: Db, from: number, to: number, nights?: SQL): Promise<void> {
  const onNights = nights ?? sql`true`;
  await tx.execute(sql`update "movie_nights" set "host_user_id" = ${to}::int where "host_user_id" = ${from}::int and ${onNights}`);
  await tx
    .update(movieNightCandidates)
    .set({ nominatedBy: to })
    .where(and(eq(movieNightCandidates.nominatedBy, from), nights ? sql`"night_id" in (select "id" from "movie_nights" where ${nights})` : undefined));
  const renamed = (column: string) =>
    sql`array(select distinct x from unnest(array_replace(${sql.raw(`"${column}"`)}, ${from}::int, ${to}::int)) as x order by x)`;
  await tx
    .update(movieNights)
    .set({ shortlistFor: renamed('shortlist_for'), favoured: renamed('favoured') })
    .where(sql`(${from}::int = any("shortlist_for") or ${from}::int = any("favoured")) and ${onNights}`);
}

/**
 * Moves the identity off its user onto a new one with a copy of the taste;
 * what belongs to the identity's platform (memberships, movie-night rows)
 * follows it, and stays with the old user too where it still has an
 * identity on that platform. Null when the identity is its user's only one.
 */
export async function splitPerson(tx: Db, identity: PlatformIdentity): Promise<{ userId: number; newUserId: number } | null> {
  const me = and(eq(platformAccounts.platform, identity.platform), eq(platformAccounts.platformUserId, identity.platformUserId));
  const [row] = await tx.select({ userId: platformAccounts.userId }).from(platformAccounts).where(me);
  if (!row || (await lockUsers(tx, [row.userId])).length === 0) return null;
  const from = row.userId;
  const all = await tx.select({ platform: platformAccounts.platform }).from(platformAccounts).where(eq(platformAccounts.userId, from));
  if (all.length < 2) return null;
  const [created] = await tx
    .insert(users)
    .values({ displayName: identity.username ?? null })
    .returning({ id: users.id });
  const to = created!.id;
  await tx.update(platformAccounts).set({ userId: to }).where(me);
  const keeps = all.filter((a) => a.platform === identity.platform).length > 1;
  for (const t of [...TASTE, ...SEEN_AND_WATCHLIST]) await copyRows(tx, t, from, to);
  await tx.execute(
    sql`insert into "feedback_events" ("user_id", "movie_id", "value", "source", "community_id", "event_key", "created_at")
        select ${to}::int, "movie_id", "value", "source", "community_id", null, "created_at" from "feedback_events"
        where "user_id" = ${from}::int order by "id"`,
  );
  await splitPlatformRows(tx, from, to, identity.platform, keeps);
  // A code made before the split would link the two straight back.
  await tx.delete(linkCodes).where(and(eq(linkCodes.userId, from), isNull(linkCodes.usedAt)));
  return { userId: from, newUserId: to };
}

async function splitPlatformRows(tx: Db, from: number, to: number, platform: Platform, keeps: boolean): Promise<void> {
  const onPlatform = sql`and "community_id" in (select "id" from "communities" where "platform" = ${platform})`;
  await copyRows(tx, MEMBERSHIPS, from, to, onPlatform);
  if (keeps) return;
  await tx.execute(sql`delete from "memberships" where "user_id" = ${from}::int ${onPlatform}`);
  const nights = sql`"platform" = ${platform}`;
  for (const t of NIGHT_ROWS)
    await tx.execute(
      sql`update ${sql.raw(`"${t.table}"`)} set "user_id" = ${to}::int
          where "user_id" = ${from}::int and "night_id" in (select "id" from "movie_nights" where ${nights})`,
    );
  await renameOnNights(tx, from, to, nights);
}
