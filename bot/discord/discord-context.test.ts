import { describe, expect, it } from 'vitest';
import { identityOf, NO_MENTIONS } from './discord-context.ts';
import { fakeInteraction } from './testing/fake-interaction.ts';

describe('discord context', () => {
  it('a person is their Discord user id, with their username', () => {
    expect(identityOf(fakeInteraction({ userId: '123', username: 'ann' }) as never)).toEqual({ platform: 'discord', platformUserId: '123', username: 'ann' });
  });

  it('echoed text pings nobody', () => {
    expect(NO_MENTIONS).toEqual({ parse: [] });
  });
});
