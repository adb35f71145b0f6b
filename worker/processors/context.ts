import type { CommunityDeps } from '../../core/index.ts';

/** What the processors work with; built once per process (bin/runtime/product.ts). */
export interface ProcessorContext {
  deps: CommunityDeps;
}
