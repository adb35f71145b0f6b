import { eq, sql } from 'drizzle-orm';
import type { ModelVersionStore, NewModelVersion } from '../../../domain/ports/model-version.store.ts';
import type { ModelVersion } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { modelVersions } from '../schema.ts';

export class ModelVersionsRepository implements ModelVersionStore {
  constructor(private readonly db: Db) {}

  async register(model: NewModelVersion): Promise<void> {
    await this.db.insert(modelVersions).values(model).onConflictDoNothing({ target: modelVersions.version });
  }

  async promote(version: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [target] = await tx.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.version, version));
      if (!target) throw new Error(`model version ${version} is not registered`);
      await tx.update(modelVersions).set({ status: 'retired' }).where(eq(modelVersions.status, 'active'));
      await tx
        .update(modelVersions)
        .set({ status: 'active', promotedAt: sql`now()` })
        .where(eq(modelVersions.id, target.id));
    });
  }

  async reject(version: string): Promise<void> {
    await this.db.update(modelVersions).set({ status: 'rejected' }).where(eq(modelVersions.version, version));
  }

  async active(): Promise<ModelVersion | null> {
    const [row] = await this.db.select().from(modelVersions).where(eq(modelVersions.status, 'active'));
    if (!row) return null;
    const { id: _id, ...rest } = row;
    return rest;
  }
}
