import { describe, expect, it } from 'vitest';
import { boundedDistances, TOO_FAR } from './edit-distance.ts';

describe('boundedDistances', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(boundedDistances('matirx', 'matrix', 2)).toEqual({ whole: 1, prefix: 1 });
    expect(boundedDistances('godfahter', 'godfather', 2).whole).toBe(1);
  });

  it('measures against the closest prefix', () => {
    expect(boundedDistances('godfah', 'godfather', 1)).toEqual({ whole: TOO_FAR, prefix: 1 });
    expect(boundedDistances('matr', 'matrix', 1)).toEqual({ whole: TOO_FAR, prefix: 0 });
  });

  it('gives up beyond the bound', () => {
    expect(boundedDistances('matrix', 'heat', 2)).toEqual({ whole: TOO_FAR, prefix: TOO_FAR });
    expect(boundedDistances('abcdef', 'abcxyz', 2).whole).toBe(TOO_FAR);
    expect(boundedDistances('x'.repeat(100), 'x'.repeat(100), 2).whole).toBe(TOO_FAR);
  });
});
