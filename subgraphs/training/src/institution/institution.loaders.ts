import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { Institution } from './institution.entity';

export function createInstitutionLoaders(em: EntityManager) {
  return {
    institutionById: oneLoader<number, Institution>(
      (ids) => em.find(Institution, { id: { $in: [...ids] } }),
      (institution) => institution.id,
    ),
  };
}
