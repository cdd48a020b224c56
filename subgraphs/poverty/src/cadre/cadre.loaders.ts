import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { Cadre, CadrePosting, ResponsibleUnit, UnitPairing } from './cadre.entity';

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
    /** cadre id → its postings, latest first; one query per batch of cadres. */
    postingsByCadre: manyLoader<number, CadrePosting>(
      (ids) => em.find(CadrePosting, { cadreId: { $in: [...ids] } }, { orderBy: [{ since: 'desc' }, { id: 'desc' }] }),
      (posting) => posting.cadreId,
    ),
    /** unit id → its pairings with villages, latest first; one query per batch of units. */
    pairingsByUnit: manyLoader<number, UnitPairing>(
      (ids) => em.find(UnitPairing, { unitId: { $in: [...ids] } }, { orderBy: [{ since: 'desc' }, { id: 'desc' }] }),
      (pairing) => pairing.unitId,
    ),
  };
}
