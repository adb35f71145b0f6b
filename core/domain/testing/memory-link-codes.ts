import { randomInt } from 'node:crypto';
import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '../link/link-code.ts';
import type { LinkCode, PlatformIdentity } from '../ports/account.store.ts';

/** Link codes and failed tries for MemoryAccounts, kept as the database keeps them. */
export class MemoryLinkCodes {
  readonly codes = new Map<string, LinkCode>();
  readonly failures: { userId: number; at: Date }[] = [];

  create(userId: number, identity: PlatformIdentity, expiresAt: Date): string {
    for (const [code, stored] of this.codes) if (stored.userId === userId && stored.usedAt === null) this.codes.delete(code);
    let code: string;
    do code = Array.from({ length: LINK_CODE_LENGTH }, () => LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)]).join('');
    while (this.codes.has(code));
    this.codes.set(code, { userId, platform: identity.platform, platformUserId: identity.platformUserId, expiresAt, usedAt: null });
    return code;
  }

  find(code: string): LinkCode | null {
    const stored = this.codes.get(code);
    return stored ? { ...stored } : null;
  }

  /** The code's user when it can be claimed by `redeemer` now (then it is marked used); null otherwise. */
  claim(code: string, redeemer: number, now: Date): number | null {
    const stored = this.codes.get(code);
    if (!stored || stored.usedAt !== null || stored.expiresAt.getTime() <= now.getTime() || stored.userId === redeemer) return null;
    stored.usedAt = now;
    return stored.userId;
  }

  failedSince(userId: number, since: Date): Date[] {
    return this.failures
      .filter((f) => f.userId === userId && f.at.getTime() > since.getTime())
      .map((f) => f.at)
      .sort((a, b) => a.getTime() - b.getTime());
  }

  /** `from`'s failed tries count for `into`; its codes go (as the database's cascade takes them). */
  merge(from: number, into: number): void {
    for (const f of this.failures) if (f.userId === from) f.userId = into;
    this.dropUser(from);
  }

  /** Codes not yet used stop working: one made before a split would link the two back. */
  dropUnused(userId: number): void {
    for (const [code, stored] of this.codes) if (stored.userId === userId && stored.usedAt === null) this.codes.delete(code);
  }

  dropUser(userId: number): void {
    for (const [code, stored] of this.codes) if (stored.userId === userId) this.codes.delete(code);
  }
}
