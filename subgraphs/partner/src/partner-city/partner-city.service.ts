import type { EntityManager } from '@mikro-orm/postgresql';
import { PartnerCity, type Retention } from './partner-city.entity';
import { requireCityCode } from '../validation';

export class PartnerCityService {
  constructor(private readonly em: EntityManager) {}

  /** Partner cities are a handful of reference rows: no pagination. cityCode keeps that one. */
  list(cityCode?: string | null): Promise<PartnerCity[]> {
    return this.em.find(PartnerCity, cityCode != null ? { code: cityCode } : {}, { orderBy: { code: 'asc' } });
  }

  get(code: string): Promise<PartnerCity | null> {
    requireCityCode(code, 'code');
    return this.em.findOne(PartnerCity, { code });
  }

  /**
   * 稳岗 figures of many cities in one statement: per transfer its last follow-up visit
   * (lateral, newest visitedOn then id), counted per city. Confirmed transfers only: a pending
   * claim is not yet a transfer the county counts.
   */
  async retentionOf(cityCodes: readonly string[]): Promise<{ cityCode: string; retention: Retention }[]> {
    const rows = await this.em.getConnection().execute<{ city_code: string; transferred: number; visited: number; still_employed: number }[]>(
      `select t.city_code,
              count(*)::int as transferred,
              count(last_visit.still_employed)::int as visited,
              count(*) filter (where last_visit.still_employed)::int as still_employed
         from transfer t
         left join lateral (
           select f.still_employed from follow_up_visit f
            where f.transfer_id = t.id
            order by f.visited_on desc, f.id desc
            limit 1
         ) last_visit on true
        where t.city_code in (?) and t.confirmation = 'CONFIRMED'
        group by t.city_code`,
      [[...cityCodes]],
    );
    const byCity = new Map(rows.map((r) => [r.city_code, r]));
    return cityCodes.map((cityCode) => {
      const row = byCity.get(cityCode);
      return { cityCode, retention: retentionFigures(row?.transferred ?? 0, row?.visited ?? 0, row?.still_employed ?? 0) };
    });
  }
}

export function retentionFigures(transferred: number, visited: number, stillEmployed: number): Retention {
  return { transferred, visited, stillEmployed, rate: transferred === 0 ? null : stillEmployed / transferred };
}
