import { badInput, RegionTree, SuppressedTable, TOTAL, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { parseMonth, parsePeriod } from '../indicator/period';
import { asOfDay, historyBegins, sqlAsOf } from '../history/as-of';
import { SeriesStockSource } from '../indicator/stock-source';
import { publishedCount, publishedRate } from '../indicator/suppression';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { villagesOf } from '../ranking/ranking.service';
import type { VerificationCoverage } from './coverage.types';

/**
 * Registry workers and verified workers per village for one period: two grouped statements run
 * side by side — the registry counted per village (village_counts, read from the history at the
 * period's end for a past period: `registrySql`), and the period's verified workers per village
 * from the (verified_on, village_code) index. The projector keeps verification rows only for
 * registry workers, stamped with their current village (projection/projector.ts), so no join back
 * to the registry is needed. Before the history begins (`registrySql` null) the registry is not
 * known: no counts.
 */
async function coverageCounts(sql: Sql, registrySql: Sql | null, from: string, to: string) {
  const [registry, verified] = await Promise.all([
    registrySql === null
      ? Promise.resolve([])
      : registrySql.rows<{ village_code: string; n: number }>(
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
  const codes = new Set([...registry.map((row) => row.village_code), ...verified.map((row) => row.village_code)]);
  const registryBy = new Map(registry.map((row) => [row.village_code, row.n]));
  return [...codes].map((code) => ({ village_code: code, registry: registryBy.get(code) ?? 0, verified: verifiedBy.get(code) ?? 0 }));
}

/**
 * Coverage of a month ('YYYY-MM', `monthText`) or of any period (`periodText`: a week, month,
 * quarter or year — verified at least once within it); default the current month. The registry is
 * taken on the period's stock day as the indicators take it (stockFigures' source: today while it
 * runs, the history at its end, unknown before the history begins — then registryWorkers and
 * share are null, not suppressed).
 */
export async function verificationCoverage(
  sql: Sql,
  region: Region,
  monthText: string | null | undefined,
  options: { suppress: boolean; threshold: number; period?: string | null },
): Promise<Omit<VerificationCoverage, 'freshness'>> {
  const today = todayInChina();
  if (monthText != null && options.period != null) throw badInput('period', 'give either month or period, not both', 'MONTH_OR_PERIOD');
  const argument = options.period != null ? 'period' : 'month';
  const code = options.period != null ? options.period.trim() : (monthText ?? today.slice(0, 7)).trim();
  const asked = options.period != null ? parsePeriod(code, 'period') : parseMonth(code, 'month');
  if (asked.from > today) throw badInput(argument, `${asked.label} has not begun (today is ${today})`, argument === 'month' ? 'MONTH_IN_FUTURE' : 'PERIOD_IN_FUTURE');
  const asOf = asked.to < today ? asked.to : today;
  const { firstDay } = await historyBegins(sql);
  const source = asOf === today ? SeriesStockSource.CURRENT : asOf >= firstDay ? SeriesStockSource.HISTORY : SeriesStockSource.BEFORE_HISTORY;
  const registrySql = source === SeriesStockSource.CURRENT ? sql : source === SeriesStockSource.HISTORY ? sqlAsOf(sql, asOfDay(asOf, today)) : null;
  // Counted over the whole registry: the suppression pattern is decided over the whole hierarchy
  // (the same table the indicators' verifiedShare reads), so a region and its parts asked
  // separately cannot be subtracted from each other.
  const [villages, counts, registry] = await Promise.all([villagesOf(sql, region), coverageCounts(sql, registrySql, asked.from, asked.to), registryVillages(sql)]);
  const tree = new RegionTree(new Set([...registry, ...counts.map((row) => row.village_code)]));
  const column = (measure: 'registry' | 'verified') => new Map(counts.map((row) => [row.village_code, { [TOTAL]: row[measure] }]));
  const active = options.suppress;
  const known = registrySql !== null;
  const registryTable = new SuppressedTable(tree, column('registry'), options.threshold, [], { active });
  const verifiedTable = new SuppressedTable(tree, column('verified'), options.threshold, [], { active });
  const cell = (code: string) => {
    const [registryWorkers, verified] = [known ? registryTable.published(code) : null, verifiedTable.published(code)];
    return { registryWorkers, verified, share: registryWorkers === null || verified === null ? null : registryWorkers > 0 ? verified / registryWorkers : null };
  };
  const registryCount = (value: number | null) => (known ? publishedCount(value) : { value: null, suppressed: false });
  const shareOf = (verified: number | null, registryWorkers: number | null) =>
    known ? publishedRate(verified, registryWorkers) : { value: null, numerator: null, denominator: null, suppressed: false };
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
    month: asked.from.slice(0, 7),
    from: asked.from,
    to: asked.to,
    period: { code, label: asked.label, from: asked.from, to: asked.to, asOf },
    stockSource: source,
    total: {
      registryWorkers: registryCount(total.registryWorkers),
      verified: publishedCount(total.verified),
      share: shareOf(total.verified, total.registryWorkers),
    },
    villages: order.map(({ village, c }) => ({
      villageCode: village.code,
      villageName: village.name,
      townshipName: village.township_name,
      registryWorkers: registryCount(c.registryWorkers),
      verified: publishedCount(c.verified),
      share: shareOf(c.verified, c.registryWorkers),
    })),
  };
}
