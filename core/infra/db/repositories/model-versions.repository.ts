import { desc, eq, sql } from 'drizzle-orm';
import type { ModelVersionStore, NewModelVersion } from '../../../domain/ports/model-version.store.ts';
import type { ModelVersion } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { modelVersions } from '../schema.ts';

/** The advisory lock key promotions hold: any fixed number ("movieb" in ASCII). */
const PROMOTION_LOCK = 0x6d6f76696562n;

export class ModelVersionsRepository implements ModelVersionStore {
  constructor(private readonly db: Db) {}

  async register(model: NewModelVersion): Promise<void> {
    await this.db.insert(modelVersions).values(model).onConflictDoNothing({ target: modelVersions.version });
  }

  async promote(version: string, { ifActive }: { ifActive?: string | null } = {}): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // One promotion at a time, whichever process: the check below sees the previous one's result.
      await tx.execute(sql`select pg_advisory_xact_lock(${PROMOTION_LOCK})`);
      const [target] = await tx.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.version, version));
      if (!target) throw new Error(`model version ${version} is not registered`);
      if (ifActive !== undefined) {
        const [current] = await tx.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.status, 'active'));
        if ((current?.version ?? null) !== ifActive) return false;
      }
      await tx.update(modelVersions).set({ status: 'retired' }).where(eq(modelVersions.status, 'active'));
      await tx
        .update(modelVersions)
        .set({ status: 'active', promotedAt: sql`now()` })
        .where(eq(modelVersions.id, target.id));
      return true;
    });
  }

  async reject(version: string): Promise<void> {
    await this.db.update(modelVersions).set({ status: 'rejected' }).where(eq(modelVersions.version, version));
  }

  async active(): Promise<ModelVersion | null> {
    const [row] = await this.db.select().from(modelVersions).where(eq(modelVersions.status, 'active'));
    return row ? withoutId(row) : null;
  }

  async formerlyActive(): Promise<ModelVersion[]> {
    const rows = await this.db
      .select()
      .from(modelVersions)
      .where(eq(modelVersions.status, 'retired'))
      .orderBy(sql`${modelVersions.promotedAt} desc nulls last`, desc(modelVersions.id));
    return rows.map(withoutId);
  }
}

function withoutId<T extends { id: unknown }>({ id: _id, ...rest }: T): Omit<T, 'id'> {
  return rest;
}
