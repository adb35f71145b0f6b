import { describe, expect, it } from 'vitest';
import type { PlatformIdentity } from '../../core/index.ts';
import { pickedFor } from './picked-for.ts';

const people = (n: number): PlatformIdentity[] => Array.from({ length: n }, (_, i) => ({ platform: 'discord', platformUserId: `${i + 1}` }));
const mention = (m: PlatformIdentity) => `<@${m.platformUserId}>`;

describe('pickedFor', () => {
  it('names the members the platform way', () => {
    expect(pickedFor(people(2), mention)).toBe('picked for <@1>, <@2>');
  });

  it('names twenty and counts the rest, so a big server keeps the message short', () => {
    const text = pickedFor(people(23), mention);
    expect(text).toMatch(/<@20> and 3 more$/);
    expect(text).not.toContain('<@21>');
  });

  it('says the picks are popular ones when nobody has favourites', () => {
    expect(pickedFor([], mention)).toBe('nobody here has favourites yet, so these are popular picks');
  });
});
