import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { Employer } from './employer.entity';

export function createEmployerLoaders(em: EntityManager) {
  return {
    employerById: oneLoader<number, Employer>(
      (ids) => em.find(Employer, { id: { $in: [...ids] } }),
      (employer) => employer.id,
    ),
  };
}
