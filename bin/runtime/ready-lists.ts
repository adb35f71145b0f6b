import { refreshRecommendations, type Logger, type RecommendDeps, type TasteChanges } from '../../core/index.ts';

/** A burst of clicks by one person is one recompute. */
const DEBOUNCE_MS = 50;

/**
 * Remakes a person's ready list in the background after their taste
 * changes, so their next /recommend is answered without a fold-in: the
 * in-process stand-in for the recompute-user job. Debounced per person;
 * runs one at a time so it never crowds out answers.
 */
export function refreshReadyLists(deps: RecommendDeps, changes: TasteChanges, logger: Logger): () => void {
  const pending = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    for (const userId of pending) {
      pending.delete(userId);
      try {
        if (deps.model()) await refreshRecommendations(deps, userId);
      } catch (err) {
        logger.warn({ err, userId }, 'ready list refresh failed; the next answer folds in on the spot');
      }
      // Yield between people: interactions waiting on the event loop go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    timer = pending.size > 0 ? setTimeout(() => void run(), DEBOUNCE_MS) : undefined;
  };
  const unsubscribe = changes.subscribe((change) => {
    if (!('userId' in change)) return;
    pending.add(change.userId);
    timer ??= setTimeout(() => void run(), DEBOUNCE_MS);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
    pending.clear();
  };
}
