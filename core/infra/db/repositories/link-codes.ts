import { createHash } from 'node:crypto';
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { customAlphabet } from 'nanoid';
import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '../../../domain/link/link-code.ts';
import type { LinkCode, PlatformIdentity } from '../../../domain/ports/account.store.ts';
import type { Db } from '../database.types.ts';
import { linkAttempts, linkCodes } from '../schema-links.ts';

/** Link codes and failed tries in the database, for AccountsRepository. */

const drawCode = customAlphabet(LINK_CODE_ALPHABET, LINK_CODE_LENGTH);
/** Draws before giving up: a clash among live codes is already rare (31^8 codes). */
const DRAWS = 5;
/** Expired codes and failed tries are kept this long: longer than any limit reads back. */
const KEPT = sql`interval '1 day'`;

export const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');

export async function createLinkCode(db: Db, userId: number, identity: PlatformIdentity, expiresAt: Date): Promise<string> {
  return db.transaction(async (tx) => {
    // The person's unused codes stop working; everyone's long-expired ones are swept on the way.
    await tx.delete(linkCodes).where(or(and(eq(linkCodes.userId, userId), isNull(linkCodes.usedAt)), lt(linkCodes.expiresAt, sql`now() - ${KEPT}`)));
    for (let n = 0; n < DRAWS; n++) {
      const code = drawCode();
      const row = { codeHash: hashOf(code), userId, platform: identity.platform, platformUserId: identity.platformUserId, expiresAt };
      if ((await tx.insert(linkCodes).values(row).onConflictDoNothing().returning({ h: linkCodes.codeHash })).length > 0) return code;
    }
    throw new Error('could not draw an unused link code');
  });
}

export async function findLinkCode(db: Db, code: string): Promise<LinkCode | null> {
  const [row] = await db
    .select({
      userId: linkCodes.userId,
      platform: linkCodes.platform,
      platformUserId: linkCodes.platformUserId,
      expiresAt: linkCodes.expiresAt,
      usedAt: linkCodes.usedAt,
    })
    .from(linkCodes)
    .where(eq(linkCodes.codeHash, hashOf(code)));
  return row ?? null;
}

/** Marks the code used if `redeemer` may use it now; its user, or null. */
export async function claimLinkCode(tx: Db, code: string, redeemer: number, now: Date): Promise<number | null> {
  const [row] = await tx
    .update(linkCodes)
    .set({ usedAt: now })
    .where(and(eq(linkCodes.codeHash, hashOf(code)), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, now), sql`${linkCodes.userId} <> ${redeemer}`))
    .returning({ userId: linkCodes.userId });
  return row?.userId ?? null;
}

export async function recordFailedLink(db: Db, userId: number, at: Date): Promise<void> {
  await db.insert(linkAttempts).values({ userId, at });
  await db.delete(linkAttempts).where(and(eq(linkAttempts.userId, userId), lt(linkAttempts.at, sql`${at}::timestamptz - ${KEPT}`)));
}

export async function failedLinksSince(db: Db, userId: number, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: linkAttempts.at })
    .from(linkAttempts)
    .where(and(eq(linkAttempts.userId, userId), gt(linkAttempts.at, since)))
    .orderBy(asc(linkAttempts.at));
  return rows.map((r) => r.at);
}
