import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { HouseholdResponsibility } from './responsibility.entity';

export function createResponsibilityLoaders(em: EntityManager) {
  return {
    /** household code → its open responsibility, or null. */
    openResponsibilityByHousehold: oneLoader<string, HouseholdResponsibility>(
      (codes) => em.find(HouseholdResponsibility, { householdCode: { $in: [...codes] }, until: null }),
      (responsibility) => responsibility.householdCode,
    ),
    /** cadre id → the households it is responsible for now, by household code. */
    openResponsibilitiesByCadre: manyLoader<number, HouseholdResponsibility>(
      (ids) => em.find(HouseholdResponsibility, { cadreId: { $in: [...ids] }, until: null }, { orderBy: { householdCode: 'asc' } }),
      (responsibility) => responsibility.cadreId,
    ),
  };
}
