/**
 * The registry's own invariants: what the router relies on to find exactly
 * one handler for an interaction, and what Discord accepts.
 */
import { describe, expect, it } from 'vitest';
import { BUTTONS, COMMAND_DEFINITIONS, COMMANDS, SELECT_MENUS } from './registry.ts';

/** Ids each registered component writes, at their longest; a new button adds its line here. */
const SAMPLE_IDS: Record<string, string[]> = {
  'r:': ['r:u:1', 'r:d:999999999'],
  'more:': ['more:1', 'more:99'],
  'x:forget': ['x:forget'],
  'mn:': ['mn:in:1', 'mn:out:999999999999'],
  'mv:': ['mv:1:1', 'mv:999999999999:999999999'],
  'mh:': ['mh:u:1', 'mh:d:999999999999'],
  'sn:': ['sn:1', 'sn:999999999'],
  'lt:': ['lt:1', 'lt:999999999'],
};
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'r:': [
    { value: 1, movieId: 999_999_999 },
    { value: -1, movieId: 1 },
  ],
  'more:': [{ page: 1 }, { page: 99 }],
  'x:forget': [{}],
  'mn:': [
    { going: true, nightId: 1 },
    { going: false, nightId: 999_999_999_999 },
  ],
  'mv:': [
    { nightId: 1, movieId: 1 },
    { nightId: 999_999_999_999, movieId: 999_999_999 },
  ],
  'mh:': [
    { value: 1, nightId: 1 },
    { value: -1, nightId: 999_999_999_999 },
  ],
  'sn:': [{ movieId: 1 }, { movieId: 999_999_999 }],
  'lt:': [{ movieId: 1 }, { movieId: 999_999_999 }],
};
const components = [...BUTTONS, ...SELECT_MENUS];

describe('discord registry', () => {
  it('has one command per name, each registered under the name it answers to', () => {
    const names = COMMANDS.map((c) => c.definition.name);
    expect(new Set(names).size).toBe(names.length);
    expect(COMMAND_DEFINITIONS.map((c) => c.name)).toEqual(names);
    expect(names).toEqual(['fav', 'recommend', 'movie', 'share', 'trends', 'forget', 'link', 'unlink', 'movienight', 'watchlist', 'import']);
  });

  it('autocompletes exactly the commands with an autocompleting option', () => {
    const autocompleting = COMMAND_DEFINITIONS.filter((c) => JSON.stringify(c).includes('"autocomplete":true')).map((c) => c.name);
    expect(COMMANDS.filter((c) => c.autocomplete).map((c) => c.definition.name)).toEqual(autocompleting);
  });

  it('gives every component a unique prefix, none a prefix of another', () => {
    const prefixes = components.map((c) => c.prefix);
    for (const [n, a] of prefixes.entries()) {
      expect(a.length).toBeGreaterThan(0);
      for (const [m, b] of prefixes.entries()) if (n !== m) expect(b.startsWith(a), `${b} starts with ${a}`).toBe(false);
    }
  });

  it("has each component read its own ids, reject the others', and write ids of ≤ 100 characters under its prefix", () => {
    expect(Object.keys(SAMPLE_IDS).sort()).toEqual(components.map((c) => c.prefix).sort());
    for (const c of components) {
      for (const args of SAMPLE_ARGS[c.prefix]!) {
        const id = c.id(args);
        expect(id.startsWith(c.prefix)).toBe(true);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(c.parse(id)).toEqual(args);
      }
      for (const [prefix, ids] of Object.entries(SAMPLE_IDS)) {
        for (const id of ids) {
          expect(id.length).toBeLessThanOrEqual(100);
          if (prefix === c.prefix) expect(c.parse(id), id).not.toBeNull();
          else expect(c.parse(id), `${c.prefix} reads ${id}`).toBeNull();
        }
      }
    }
  });
});
