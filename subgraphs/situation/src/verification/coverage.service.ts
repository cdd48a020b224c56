import { badInput, RegionTree, SuppressedTable, TOTAL, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { parseMonth } from '../indicator/period';
import { publishedCount, publishedRate } from '../indicator/suppression';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { villagesOf } from '../ranking/ranking.service';
import type { VerificationCoverage } from './coverage.types';

/**
 * Registry workers and verified workers per village for one month: two grouped statements run
 * side by side — the registry counted per village (village index), and the month's verified
 * workers per village from the (verified_on, village_code) index. The projector keeps
 * verification rows only for registry workers, stamped with their current village
 * (projection/projector.ts), so no join back to the registry is needed.
 */
async function coverageCounts(sql: Sql, from: string, to: string) {
  const [registry, verified] = await Promise.all([
    sql.rows<{ village_code: string; n: number }>(
      // Registry size per village, as the projector keeps it (village_counts), not a pass over every person.
      `select v.village_code, v.real_name as n from village_counts v`,
      [],
    ),
    sql.rows<{ village_code: string; n: number }>(
      `select village_code, count(distinct worker_id) as n
         from record_verification
        where verified_on between $1 and $2 and outcome <> 'NOT_REACHED'
        group by village_code`,
      [from, to],
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
  // Counted over the whole registry: the suppression pattern is decided over the whole hierarchy
  // (the same table the indicators' verifiedShare reads), so a region and its parts asked
  // separately cannot be subtracted from each other.
  const [villages, counts, registry] = await Promise.all([villagesOf(sql, region), coverageCounts(sql, month.from, month.to), registryVillages(sql)]);
  const tree = new RegionTree(new Set([...registry, ...counts.map((row) => row.village_code)]));
  const column = (measure: 'registry' | 'verified') => new Map(counts.map((row) => [row.village_code, { [TOTAL]: row[measure] }]));
  const active = options.suppress;
  const registryTable = new SuppressedTable(tree, column('registry'), options.threshold, [], { active });
  const verifiedTable = new SuppressedTable(tree, column('verified'), options.threshold, [], { active });
  const cell = (code: string) => {
    const [registryWorkers, verified] = [registryTable.published(code), verifiedTable.published(code)];
    return { registryWorkers, verified, share: registryWorkers === null || verified === null ? null : registryWorkers > 0 ? verified / registryWorkers : null };
  };
  // Worst first over what is published: a village whose share is withheld comes after the
  // others, by village code, so its place in the list says nothing of its figures.
  const rank = (share: number | null, withheld: boolean) => (withheld ? 2 : share === null ? 1 : 0);
  const order = villages
    .map((village) => ({ village, c: cell(village.code) }))
    .sort((a, b) => {
      const [x, y] = [rank(a.c.share, a.c.registryWorkers === null || a.c.verified === null), rank(b.c.share, b.c.registryWorkers === null || b.c.verified === null)];
      if (x !== y) return x - y;
      if (x === 0 && a.c.share !== b.c.share) return a.c.share! - b.c.share!;
      return a.village.code < b.village.code ? -1 : 1;
    });
  const total = cell(region.code);
  return {
    region,
    month: month.from.slice(0, 7),
    from: month.from,
    to: month.to,
    total: {
      registryWorkers: publishedCount(total.registryWorkers),
      verified: publishedCount(total.verified),
      share: publishedRate(total.verified, total.registryWorkers),
    },
    villages: order.map(({ village, c }) => ({
      villageCode: village.code,
      villageName: village.name,
      townshipName: village.township_name,
      registryWorkers: publishedCount(c.registryWorkers),
      verified: publishedCount(c.verified),
      share: publishedRate(c.verified, c.registryWorkers),
    })),
  };
}
