import type { SubgraphContext } from '@jiuye/common';
import type { PartnerLoaders } from './loaders';

export type PartnerContext = SubgraphContext<PartnerLoaders>;
