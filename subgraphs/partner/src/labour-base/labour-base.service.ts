import type { EntityManager } from '@mikro-orm/postgresql';
import { LabourBase } from './labour-base.entity';
import { requireCityCode } from '../validation';

export class LabourBaseService {
  constructor(private readonly em: EntityManager) {}

  /** Bases are reference rows (tens per city): no pagination. */
  list(cityCode?: string | null): Promise<LabourBase[]> {
    if (cityCode != null) requireCityCode(cityCode, 'cityCode');
    return this.em.find(LabourBase, cityCode != null ? { cityCode } : {}, { orderBy: { cityCode: 'asc', id: 'asc' } });
  }
}
