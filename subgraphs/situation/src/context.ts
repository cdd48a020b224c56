import type { SituationConfig, SubgraphContext } from '@jiuye/common';
import type { Sql } from './db';
import type { SituationLoaders } from './loaders';

export type SituationContext = SubgraphContext<SituationLoaders> & { config: SituationConfig };

export function sqlFrom(context: SituationContext): Sql {
  return context.loaders.sql;
}
