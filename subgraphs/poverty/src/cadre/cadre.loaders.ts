import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { Cadre, ResponsibleUnit } from './cadre.entity';

export function createCadreLoaders(em: EntityManager) {
  return {
    cadreById: oneLoader<number, Cadre>(
      (ids) => em.find(Cadre, { id: { $in: [...ids] } }),
      (cadre) => cadre.id,
    ),
    unitById: oneLoader<number, ResponsibleUnit>(
      (ids) => em.find(ResponsibleUnit, { id: { $in: [...ids] } }),
      (unit) => unit.id,
    ),
  };
}
