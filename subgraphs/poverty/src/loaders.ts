import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphConfig } from '@jiuye/common';
import { createCadreLoaders } from './cadre/cadre.loaders';
import { createHouseholdLoaders } from './household/household.loaders';
import { createMemberLoaders } from './member/member.loaders';
import { createMonitoringLoaders } from './monitoring/monitoring.loaders';
import { createRelocationLoaders } from './relocation/relocation.loaders';
import { createResponsibilityLoaders } from './responsibility/responsibility.loaders';
import { createStatusLoaders } from './status/status.loaders';

/** Fresh loaders for every request: caches never outlive one request. */
export function createLoaders(em: EntityManager, _config: SubgraphConfig) {
  return {
    ...createHouseholdLoaders(em),
    ...createStatusLoaders(em),
    ...createMemberLoaders(em),
    ...createRelocationLoaders(em),
    ...createCadreLoaders(em),
    ...createResponsibilityLoaders(em),
    ...createMonitoringLoaders(em),
  };
}

export type PovertyLoaders = ReturnType<typeof createLoaders>;
