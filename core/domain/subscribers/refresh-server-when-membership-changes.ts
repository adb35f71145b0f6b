import type { TasteChange } from '../events/taste-changes.ts';
import { markStaleAndRecompute, type BackgroundPorts } from './recompute-jobs.ts';

/**
 * Someone new joined a server: its ready results are marked stale and
 * remade with them (recompute-server).
 *
 * Why this is correct:
 * - The newcomer asks next: the drop is issued synchronously, before
 *   joinCommunity returns (memory at once; Redis keeps a connection's
 *   order), so their trends are made with them. serverPick also compares
 *   the member count, so a pick made before they joined is never served.
 * - A burst of newcomers is one job (debounced per community).
 * - Every interaction re-joins its member; only a membership the store did
 *   not have is announced, so a rejoin queues nothing.
 */
export function refreshServerWhenMembershipChanges(ports: BackgroundPorts) {
  return (change: TasteChange): void => {
    if (change.type !== 'member-joined') return;
    markStaleAndRecompute(ports, change.communityId).catch((err: unknown) => ports.log.warn({ err, change }, 'could not mark server results stale'));
  };
}
