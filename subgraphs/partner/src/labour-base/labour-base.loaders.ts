import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { LabourBase } from './labour-base.entity';

export function createLabourBaseLoaders(em: EntityManager) {
  return {
    baseById: oneLoader<number, LabourBase>(
      (ids) => em.find(LabourBase, { id: { $in: [...ids] } }),
      (base) => base.id,
    ),
    /** A city's open bases and stations (closed ones: labourBases(includeClosed: true)). */
    basesByCity: manyLoader<string, LabourBase>(
      (codes) => em.find(LabourBase, { cityCode: { $in: [...codes] }, closedOn: null }, { orderBy: { id: 'asc' } }),
      (base) => base.cityCode,
    ),
  };
}
