import type { EntityManager } from '@mikro-orm/postgresql';
import { PartnerCity, type Retention } from './partner-city.entity';
import { requireCityCode } from '../validation';
import { RegionTree, SuppressedTable } from '@jiuye/common';

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
  return { transferred, visited, stillEmployed, rate: transferred === 0 ? null : stillEmployed / transferred, suppressed: false };
}

/**
 * 稳岗 figures for a dashboard: every city at once, counting only the transfers of workers who
 * live in its region (asked of the residence authority in one batch), small-cell suppressed
 * (common/src/suppression.ts; the cities publish no total, so each count stands alone). The
 * rate is published only when both its counts are.
 */
export async function dashboardRetention(
  em: EntityManager,
  region: string,
  residentsOf: (ids: string[]) => Promise<Set<string>>,
  threshold: number,
): Promise<Map<string, Retention>> {
  const rows = await em.getConnection().execute<{ worker_id: string; city_code: string; visited: boolean; still_employed: boolean }[]>(
    `select t.worker_id, t.city_code, last_visit.still_employed is not null as visited, coalesce(last_visit.still_employed, false) as still_employed
       from transfer t
       left join lateral (
         select f.still_employed from follow_up_visit f where f.transfer_id = t.id order by f.visited_on desc, f.id desc limit 1
       ) last_visit on true`,
  );
  const residents = await residentsOf([...new Set(rows.map((r) => r.worker_id))]);
  const counts = { transferred: {} as Record<string, number>, visited: {} as Record<string, number>, stillEmployed: {} as Record<string, number> };
  for (const row of rows) {
    if (!residents.has(row.worker_id)) continue;
    counts.transferred[row.city_code] = (counts.transferred[row.city_code] ?? 0) + 1;
    if (row.visited) counts.visited[row.city_code] = (counts.visited[row.city_code] ?? 0) + 1;
    if (row.still_employed) counts.stillEmployed[row.city_code] = (counts.stillEmployed[row.city_code] ?? 0) + 1;
  }
  const cities = [...new Set(rows.map((r) => r.city_code))].sort();
  const tree = new RegionTree([region]);
  const table = (values: Record<string, number>) => new SuppressedTable(tree, new Map([[region, values]]), threshold, cities, { additiveTotal: false });
  const [t, v, k] = [table(counts.transferred), table(counts.visited), table(counts.stillEmployed)];
  return new Map(
    cities.map((city) => {
      const [transferred, visited, stillEmployed] = [t.published(region, city), v.published(region, city), k.published(region, city)];
      const hidden = transferred === null || stillEmployed === null;
      return [city, { transferred, visited, stillEmployed, rate: hidden || transferred === 0 ? null : stillEmployed! / transferred!, suppressed: hidden || visited === null }];
    }),
  );
}
