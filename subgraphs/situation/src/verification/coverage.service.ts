import { badInput, todayInChina } from '@jiuye/common';
import { regionCondition, type Sql } from '../db';
import { parseMonth } from '../indicator/period';
import { Suppressor } from '../indicator/suppression';
import type { Region } from '../region/region';
import { villagesOf } from '../ranking/ranking.service';
import type { VerificationCoverage } from './coverage.types';

/**
 * Registry workers and verified workers per village for one month: two grouped statements run
 * side by side — the registry counted per village (village index), and the month's verified
 * workers per village from the (verified_on, village_code) index. The projector keeps
 * verification rows only for registry workers, stamped with their current village
 * (projection/projector.ts), so no join back to the registry is needed.
 */
async function coverageCounts(sql: Sql, region: Region, from: string, to: string) {
  const [registry, verified] = await Promise.all([
    sql.rows<{ village_code: string; n: number }>(
      // Registry size per village, as the projector keeps it (village_counts), not a pass over every person.
      `select v.village_code, v.real_name as n from village_counts v where ${regionCondition('v.village_code', 1, region.code)}`,
      [region.code],
    ),
    sql.rows<{ village_code: string; n: number }>(
      `select village_code, count(distinct worker_id) as n
         from record_verification
        where verified_on between $2 and $3 and outcome <> 'NOT_REACHED' and ${regionCondition('village_code', 1, region.code)}
        group by village_code`,
      [region.code, from, to],
    ),
  ]);
  const verifiedBy = new Map(verified.map((row) => [row.village_code, row.n]));
  return registry.map((row) => ({ village_code: row.village_code, registry: row.n, verified: verifiedBy.get(row.village_code) ?? 0 }));
}

export async function verificationCoverage(
  sql: Sql,
  region: Region,
  monthText: string | null | undefined,
  options: { suppress: boolean; threshold: number },
): Promise<Omit<VerificationCoverage, 'freshness'>> {
  const today = todayInChina();
  const month = parseMonth(monthText ?? today.slice(0, 7), 'month');
  if (month.from > today) throw badInput('month', `${month.label} has not begun (today is ${today})`, 'MONTH_IN_FUTURE');
  const [villages, counts] = await Promise.all([villagesOf(sql, region), coverageCounts(sql, region, month.from, month.to)]);
  const byVillage = new Map(counts.map((row) => [row.village_code, row]));
  const s = new Suppressor(options.threshold, options.suppress);

  const figures = villages.map((v) => ({ village: v, registry: byVillage.get(v.code)?.registry ?? 0, verified: byVillage.get(v.code)?.verified ?? 0 }));
  const totalRegistry = counts.reduce((sum, row) => sum + row.registry, 0);
  const totalVerified = counts.reduce((sum, row) => sum + row.verified, 0);
  // Villages add up to the published total: complementary suppression on each column.
  const registryHidden = s.breakdown(figures.map((f) => f.registry));
  const verifiedHidden = s.breakdown(figures.map((f) => f.verified));
  const share = (f: { registry: number; verified: number }) => (f.registry > 0 ? f.verified / f.registry : null);
  const order = figures
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const [x, y] = [share(a.f), share(b.f)];
      if (x !== y) return x === null ? 1 : y === null ? -1 : x - y;
      return a.f.village.code < b.f.village.code ? -1 : 1;
    });
  return {
    region,
    month: month.from.slice(0, 7),
    from: month.from,
    to: month.to,
    total: {
      registryWorkers: s.count(totalRegistry),
      verified: s.count(totalVerified),
      share: s.rate(totalVerified, totalRegistry),
    },
    villages: order.map(({ f, i }) => ({
      villageCode: f.village.code,
      villageName: f.village.name,
      townshipName: f.village.township_name,
      registryWorkers: s.count(f.registry, registryHidden[i]),
      verified: s.count(f.verified, verifiedHidden[i]),
      share: s.rate(f.verified, f.registry, verifiedHidden[i], registryHidden[i]),
    })),
  };
}
