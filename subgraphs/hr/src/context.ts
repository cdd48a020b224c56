import type { SubgraphContext } from '@jiuye/common';
import type { HrLoaders } from './loaders';

export type HrContext = SubgraphContext<HrLoaders>;
