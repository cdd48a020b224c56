import type { SituationConfig, SubgraphContext } from '@jiuye/common';
import type { SituationLoaders } from './loaders';

/** What a situation resolver gets per request (types only: the services take Sql and plain values). */
export type SituationContext = SubgraphContext<SituationLoaders> & { config: SituationConfig };
