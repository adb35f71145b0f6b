import type { MovieNight, RsvpVia } from '../../movie-night/movie-night.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { joinNight, loadNightOnly, requireStatus, type NightDeps } from './night-deps.ts';

export interface RsvpRequest {
  nightId: number;
  identity: PlatformIdentity;
  going: boolean;
  /** A button, the Discord event's "Interested", or a command. */
  via: RsvpVia;
}

/**
 * "I'm in" / "Can't make it", until the night is done (someone may still
 * say they came after the vote closed: "how was it?" counts them).
 * `changed` is false when it was already their answer (a redelivery).
 * Hundreds may answer at once, each waiting for the reply: it reads the
 * night alone, not everyone's answers (the message shows those, read once
 * per coalesced edit).
 */
export async function answerRsvp(deps: NightDeps, request: RsvpRequest): Promise<{ night: MovieNight; changed: boolean }> {
  const night = await loadNightOnly(deps, request.nightId);
  requireStatus(night, ['open', 'voting', 'closed']);
  const userId = await joinNight(deps, night, request.identity);
  const changed = await deps.nights.setRsvp(night.id, userId, request.going, request.via);
  return { night, changed };
}
