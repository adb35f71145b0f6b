import type { MovieNight } from '../../movie-night/movie-night.ts';
import { loadNight, type NightDeps } from './night-deps.ts';

/** Where the night's public message is, once posted, so every later edit (from any process) finds it. */
export async function nightMessagePosted(deps: NightDeps, nightId: number, messageId: string): Promise<void> {
  await deps.nights.setMessage(nightId, messageId);
}

/** The night a Discord scheduled event was made for (its "Interested" and its end); null for any other event. */
export async function nightOfEvent(deps: NightDeps, eventId: string): Promise<MovieNight | null> {
  return deps.nights.findByEvent(eventId);
}

/**
 * Calls off a night still open or voting (its start passed with fewer than
 * two people in, so nothing to pick from): the channel is free for the next
 * one. False when it had moved on already (someone closed it meanwhile).
 */
export async function cancelMovieNight(deps: NightDeps, nightId: number): Promise<boolean> {
  await loadNight(deps, nightId);
  return deps.nights.transition(nightId, ['open', 'voting'], 'cancelled');
}
