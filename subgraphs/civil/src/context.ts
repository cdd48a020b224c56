import type { SubgraphContext } from '@jiuye/common';
import type { CivilLoaders } from './loaders';

export type CivilContext = SubgraphContext<CivilLoaders>;
