import type { Weekday } from '@jiuye/common';
import type { Sql } from '../db';
import { type AccessControl, badInput, forbidden, primarySuppressed, VILLAGE_CODE_LENGTH } from '@jiuye/common';
import { resolveRegion } from '../region/region.service';
import type { Region } from '../region/region.types';
import { transferEventsSql } from './new-transfers';
import type { VillageRanking, VillageRankingRow } from './ranking.types';

/** What the ranking by completion rate (basis COMPLETION_RATE) ranks on, per village (target/ranking-completion.ts). */
export interface RankingCompletion {
  /** The target period: the year. */
  period: string;
  villages: Map<string, { target: number | null; yearToDate: number | null; completionRate: number | null }>;
}
import type { RankingSpan, RankingWeek } from './week';

/** A dashboard's counts for a month, quarter or year: the indicators' published newTransfers cells of the period and the one before (null: withheld). */
export interface PublishedCounts {
  current: (village: string) => number | null;
  previous: (village: string) => number | null;
}

export const LIST_SIZE = 10;

export interface VillageRow {
  code: string;
  name: string;
  township_name: string | null;
}

/** Every village of a region in the division table, with its township's name. */
export function villagesOf(sql: Sql, region: Region): Promise<VillageRow[]> {
  return sql.rows<VillageRow>(
    `select v.code, v.name, t.name as township_name
       from division v left join division t on t.code = coalesce(v.parent_code, left(v.code, 9))
      where v.level = 'VILLAGE' and ${region.code.length === VILLAGE_CODE_LENGTH ? 'v.code = $1' : `v.code like $1 || '%'`}
      order by v.code`,
    [region.code],
  );
}

/** New transfers per village in the span and the span before (contiguous): one statement over both sources. */
function weeklyCounts(sql: Sql, county: Region, week: RankingWeek) {
  return sql.rows<{ village_code: string; current: number; previous: number }>(
    `with events as (${transferEventsSql(county.code, { region: 1, from: 2, to: 3 })})
     select village_code,
            count(distinct worker_id) filter (where started_on >= $4) as current,
            count(distinct worker_id) filter (where started_on < $4) as previous
       from events group by village_code`,
    [county.code, week.previousWeekStart, week.weekEnd, week.weekStart],
  );
}

/**
 * The ranking of a county's villages over a span (the week holding a day, or a period asked for:
 * week.ts). For dashboards (`suppress`) a count of 1 … threshold−1 is withheld (the policy's
 * primary suppression, common/src/suppression.ts; the ranking publishes no total a withheld village
 * could be subtracted from) — and for a month, quarter or year (`published`) the counts are the
 * indicators' own published cells of the period (Indicators.newTransfers per village, the same
 * suppressed tables), so the ranking never publishes a cell the indicators withhold. The ranks and
 * the red and black lists are computed over the published counts only: a withheld village has no
 * rank, is on neither list and comes after the ranked ones in village-code order, so where it
 * stands says nothing of its count. Department staff see exact counts and ranks.
 */
export async function villageRanking(
  sql: Sql,
  county: Region,
  span: RankingWeek & Partial<Pick<RankingSpan, 'period' | 'label'>>,
  options: { weekEndsOn: Weekday; suppress: boolean; threshold: number; byRate?: RankingCompletion; published?: PublishedCounts },
): Promise<Omit<VillageRanking, 'freshness'>> {
  const week: RankingWeek = { weekStart: span.weekStart, weekEnd: span.weekEnd, previousWeekStart: span.previousWeekStart, previousWeekEnd: span.previousWeekEnd };
  const byRate = options.byRate;
  const published = options.suppress ? options.published : undefined;
  const [villages, counts] = await Promise.all([villagesOf(sql, county), published ? Promise.resolve([]) : weeklyCounts(sql, county, week)]);
  const byVillage = new Map(counts.map((row) => [row.village_code, row]));
  /** A count as published: null when withheld (dashboards). */
  const shown = (value: number) => (options.suppress && primarySuppressed(value, options.threshold) ? null : value);

  const figures = villages.map((v) => {
    const current = published ? published.current(v.code) : shown(byVillage.get(v.code)?.current ?? 0);
    const previous = published ? published.previous(v.code) : shown(byVillage.get(v.code)?.previous ?? 0);
    const completion = byRate?.villages.get(v.code) ?? null;
    // The score ranked on: the span's count (withheld ones unranked), or the completion rate (none: unranked).
    const score = byRate ? (completion?.completionRate ?? null) : current;
    return { village: v, current, previous, completion, score };
  });
  type Figure = (typeof figures)[number];
  const ranked = figures.filter((f): f is Figure & { score: number } => f.score !== null);
  const withheld = figures.filter((f) => f.score === null);
  const rows = new Map<string, VillageRankingRow>();
  for (const f of figures) {
    const currentHidden = f.current === null;
    const previousHidden = f.previous === null;
    rows.set(f.village.code, {
      villageCode: f.village.code,
      villageName: f.village.name,
      townshipName: f.village.township_name,
      newTransfers: f.current,
      previousWeek: f.previous,
      change: f.current === null || f.previous === null ? null : f.current - f.previous,
      rank: f.score === null ? null : 1 + ranked.filter((other) => other.score > f.score!).length,
      // Basis COMPLETION_RATE for dashboards: the year's count withheld is a withheld count too.
      suppressed: currentHidden || previousHidden || (f.completion !== null && f.completion.yearToDate === null),
      target: f.completion?.target ?? null,
      yearToDate: f.completion?.yearToDate ?? null,
      completionRate: f.completion?.completionRate ?? null,
    });
  }
  const byCode = (a: { village: VillageRow }, b: { village: VillageRow }) => (a.village.code < b.village.code ? -1 : a.village.code > b.village.code ? 1 : 0);
  const descending = [...ranked].sort((a, b) => b.score - a.score || byCode(a, b));
  const ascending = [...ranked].sort((a, b) => a.score - b.score || byCode(a, b));
  const row = (f: { village: VillageRow }) => rows.get(f.village.code)!;
  return {
    county,
    weekEndsOn: options.weekEndsOn,
    ...week,
    period: span.period ?? null,
    periodLabel: span.label ?? null,
    threshold: options.suppress ? options.threshold : null,
    basis: byRate ? 'COMPLETION_RATE' : 'COUNT',
    targetPeriod: byRate?.period ?? null,
    red: descending
      .filter((f) => f.score > 0)
      .slice(0, LIST_SIZE)
      .map(row),
    black: ascending.slice(0, LIST_SIZE).map(row),
    all: [...descending, ...[...withheld].sort(byCode)].map(row),
  };
}

/** The county to rank: named (6 digits) or the caller's own county region; inside the caller's region. */
export async function rankedCounty(
  loaders: Parameters<typeof resolveRegion>[0],
  access: AccessControl,
  ownRegion: string | null | undefined,
  county: string | null,
): Promise<Region> {
  let requested = county;
  if (requested == null || requested === '') {
    const own = ownRegion;
    if (!own || own.length !== 6) throw badInput('county', 'your account does not cover exactly one county: name the county (6-digit code)', 'COUNTY_REQUIRED');
    requested = own;
  } else if (!/^\d{6}$/.test(requested)) {
    throw badInput('county', 'expected a county code of 6 digits', 'DIVISION_CODE');
  }
  const region = await resolveRegion(loaders, access, requested, 'aggregate', 'county');
  // A township or village account is narrowed to its own place: the county ranking is wider than it.
  if (region.code.length !== 6) throw forbidden(`county: the ranking of county ${requested} covers more than your region ${region.code}`, 'outside-region');
  return region;
}
