import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader, type Page } from '@jiuye/common';
import { RegisteredHousehold } from './household.entity';
import { HouseholdService, type HouseholdPageKey } from './household.service';

export function createHouseholdLoaders(em: EntityManager, pseudonymKey: string) {
  const service = new HouseholdService(em, pseudonymKey);
  return {
    /** household code → the registered household, or null when not registered. */
    householdByCode: oneLoader<string, RegisteredHousehold>(
      (codes) => em.find(RegisteredHousehold, { code: { $in: [...codes] } }),
      (household) => household.code,
    ),
    /** One page of registered households per (division, status, first, after): two statements per batch of divisions. */
    householdPages: oneLoader<string, { key: string; page: Page<RegisteredHousehold> }>(
      async (keys) => {
        const pages = await service.pages(keys.map((key) => JSON.parse(key) as HouseholdPageKey));
        return pages.map((page, i) => ({ key: keys[i], page }));
      },
      (result) => result.key,
    ),
  };
}

export function householdPageKey(key: HouseholdPageKey): string {
  // Fixed property order, so that equal keys give equal strings (and share one DataLoader entry).
  return JSON.stringify({ divisionCode: key.divisionCode, status: key.status, first: key.first, after: key.after });
}
