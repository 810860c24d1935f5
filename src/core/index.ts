// The public list of kernels (see src/core/README.md).
export * from './types';
export { rng, type Rng } from './rng';
export { judgementFilter } from './judgementFilter';
export { labelCounts } from './labelCounts';
export { labelsPerItem } from './labelsPerItem';
export { labelsPerAnnotator } from './labelsPerAnnotator';
export { histogram } from './histogram';
