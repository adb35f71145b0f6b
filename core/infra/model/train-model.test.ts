import { describe, expect, it } from 'vitest';
import { clusteredData } from '../../domain/recommender/testing/clustered-data.ts';
import { trainModel, versionName } from './train-model.ts';

describe('model version names', () => {
  it('two runs on the same data in the same second get versions of their own', async () => {
    const data = clusteredData();
    const [a, b] = await Promise.all([trainModel(data), trainModel(data)]);
    expect(a.manifest.datasetFingerprint).toBe(b.manifest.datasetFingerprint);
    expect(a.manifest.version).not.toBe(b.manifest.version);
    const created = new Date('2026-12-07T21:00:00.123Z');
    const names = Array.from({ length: 50 }, () => versionName(created, a.manifest.datasetFingerprint));
    expect(new Set(names).size).toBe(50);
  });

  it('still sort by creation time (pruning keeps the newest)', () => {
    const older = versionName(new Date('2026-12-07T21:00:00Z'), 'ffffffff');
    const newer = versionName(new Date('2026-12-07T21:00:01Z'), '00000000');
    expect(older).toMatch(/^20261207T210000-ffffffff-[0-9a-f]{6}$/);
    expect([newer, older].sort()).toEqual([older, newer]);
  });
});
