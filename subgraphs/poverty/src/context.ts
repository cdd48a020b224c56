import type { SubgraphContext } from '@jiuye/common';
import type { PovertyLoaders } from './loaders';

export type PovertyContext = SubgraphContext<PovertyLoaders>;
