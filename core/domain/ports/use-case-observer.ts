/** How a recommendation was answered: from the person's ready list, or folded in on the spot. */
export type RecommendSource = 'ready' | 'fold-in';

/**
 * Where use cases report how long they took. Metrics (prom-client) live in
 * core/infra; the use cases only call this, when one is given.
 */
export interface UseCaseObserver {
  recommended(seconds: number, source: RecommendSource): void;
}
