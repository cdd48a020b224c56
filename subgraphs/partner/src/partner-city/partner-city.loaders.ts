import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { PartnerCity, type Retention } from './partner-city.entity';
import { PartnerCityService } from './partner-city.service';

export function createPartnerCityLoaders(em: EntityManager) {
  return {
    cityByCode: oneLoader<string, PartnerCity>(
      (codes) => em.find(PartnerCity, { code: { $in: [...codes] } }),
      (city) => city.code,
    ),
    /** One aggregate statement per batch of cities. */
    retentionByCity: oneLoader<string, { cityCode: string; retention: Retention }>(
      (codes) => new PartnerCityService(em).retentionOf(codes),
      (row) => row.cityCode,
    ),
  };
}
