import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { RelocationSite } from './relocation.entity';
import { RelocationService } from './relocation.service';

export function createRelocationLoaders(em: EntityManager) {
  const service = new RelocationService(em);
  return {
    relocationSiteById: oneLoader<number, RelocationSite>(
      (ids) => em.find(RelocationSite, { id: { $in: [...ids] } }),
      (site) => site.id,
    ),
    relocatedHouseholdsBySite: oneLoader<number, { siteId: number; households: number }>(
      (ids) => service.relocatedHouseholds(ids),
      (row) => row.siteId,
    ),
  };
}
