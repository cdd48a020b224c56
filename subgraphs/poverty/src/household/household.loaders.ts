import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader, pagedDivisions } from '@jiuye/common';
import { RegisteredHousehold } from './household.entity';
import { HOUSEHOLD_KEYSET, type HouseholdListArgs } from './household.service';

export function createHouseholdLoaders(em: EntityManager) {
  return {
    /** household code → the registered household, or null when not registered. */
    householdByCode: oneLoader<string, RegisteredHousehold>(
      (codes) => em.find(RegisteredHousehold, { code: { $in: [...codes] } }),
      (household) => household.code,
    ),
    /** Pages of registered households per division: two statements per batch of divisions (common's pagedDivisions). */
    householdPages: pagedDivisions<HouseholdListArgs, RegisteredHousehold>(em, {
      entity: RegisteredHousehold,
      table: 'household',
      codeColumn: 'code',
      keyset: HOUSEHOLD_KEYSET,
      filter: (args) => ({ poverty_status: args.status }),
    }),
  };
}
