import { groupColumn, placeColumn } from '../roster/village-counts';
import { addDays, addMonths, badInput, EmploymentPlaceVocabulary, todayInChina, TOTAL } from '@jiuye/common';
import type { Sql } from '../db';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { ABLE_EMPLOYED, ABLE_LABOURER, POVERTY_GROUP, POVERTY_GROUPS, type PovertyGroup } from '../sql/conditions';
import { transferEventsSql } from '../ranking/new-transfers';
import { monthEnd, parsePeriod } from './period';
import type { Equation } from '@jiuye/common';
import { asOfDay, historyBegins, sqlAsOf } from '../history/as-of';
import { SeriesStockSource } from './stock-source';
import { readOutFiguresOffThread, readoutOf, type ReadOutFigures } from './readout-thread';
import type { IndicatorFigures, IndicatorReadout } from './readout';

export { SUBSIDY_KIND_LABELS, type IndicatorFigures, type IndicatorReadout } from './readout';

const PLACES = EmploymentPlaceVocabulary.values;

/** The dates one indicator set needs, all 'YYYY-MM-DD' and inclusive. */
export interface IndicatorDates {
  code: string;
  label: string;
  from: string;
  to: string;
  /** Stock day: the period's last day, or today while it runs. */
  asOf: string;
  /** The calendar month of asOf (月度核实). */
  verificationFrom: string;
  verificationTo: string;
  /** Transfers counted for retention started within [retentionFrom, retentionTo]. */
  retentionFrom: string;
  retentionTo: string;
}

export function indicatorDates(periodText: string, today = todayInChina()): IndicatorDates {
  const period = parsePeriod(periodText, 'period');
  if (period.from > today) throw badInput('period', `${period.label} has not begun (today is ${today}); ask for a period that has started`, 'PERIOD_IN_FUTURE');
  const asOf = period.to < today ? period.to : today;
  const verificationFrom = `${asOf.slice(0, 7)}-01`;
  return {
    code: periodText.trim(),
    ...period,
    asOf,
    verificationFrom,
    verificationTo: monthEnd(verificationFrom),
    retentionFrom: addDays(addMonths(asOf, -12), 1),
    retentionTo: addDays(asOf, -90),
  };
}

/** Figures per village: measure → value (and subsidies per kind). */
export type VillageFigures = Map<string, Record<string, number>>;

function add(figures: VillageFigures, village: string, measure: string, value: number): void {
  const row = figures.get(village) ?? figures.set(village, {}).get(village)!;
  row[measure] = (row[measure] ?? 0) + Number(value);
}

/**
 * The stock and as-of figures per village of the whole registry — not only the region asked
 * for: small-cell suppression decides its pattern over the whole hierarchy at once
 * (common/src/suppression.ts), so a county, its townships and its villages asked separately can
 * never be subtracted from each other to recover a withheld cell. Registry stock (the counts the
 * projector keeps per village), the verified workers of asOf's month, the retention cohort of
 * asOf and the welfare posts. The projector stamps every event row with the worker's current
 * village, so a worker counts in one village only and villages add up.
 *
 * Labour force and employed, by place and by poverty group, come from the kept counts' one row
 * per village (village_counts, recounted in the transaction that writes the people): totals,
 * places and groups are one snapshot, as they are published as sums of each other. `groupsKept`
 * false (an as-of state older than the kept groups, history_start.groups_kept_from) counts them
 * from the people rows in one grouped statement instead.
 */
export async function villageFigures(sql: Sql, d: IndicatorDates, options: { groupsKept?: boolean } = {}): Promise<VillageFigures> {
  const groupsKept = options.groupsKept ?? true;
  const groups = POVERTY_GROUPS.map((g) => g.group);
  const labourColumns = ['able_labourers', 'able_employed', ...PLACES.map((place) => placeColumn(place)), 'able_employed_unknown_place'];
  const stockColumns = ['real_name', 'employment_intention', 'zero_employment_households', ...(groupsKept ? labourColumns : [])];
  const keptGroups = groups.flatMap((g) => (['able_labourers', 'able_employed'] as const).map((measure) => [groupColumn(measure, g), `${measure}:${g}`] as const));
  const selected = [...stockColumns, ...(groupsKept ? keptGroups.map(([column]) => column) : [])];
  const [stock, labour, verified, retention, welfare] = await Promise.all([
    sql.rows<Record<string, number> & { village_code: string }>(`select village_code, ${selected.map((c) => `"${c}"`).join(', ')} from village_counts`, []),
    groupsKept ? Promise.resolve([]) : labourByScan(sql),
    sql.rows<{ village_code: string; n: number }>(
      `select village_code, count(distinct worker_id) as n from record_verification where verified_on between $1 and $2 and outcome <> 'NOT_REACHED' group by village_code`,
      [d.verificationFrom, d.verificationTo],
    ),
    // Per worker first (a hash aggregate), so a worker recorded by both sources counts once.
    sql.rows<{ village_code: string; retention_base: number; retained: number }>(
      `with events as (${transferEventsSql('', { region: 1, from: 2, to: 3 })}),
       per_worker as (
         select min(village_code) as village_code, bool_or(ended_on is null or ended_on >= started_on + 90) as retained
           from events group by worker_id)
       select village_code, count(*) as retention_base, count(*) filter (where retained) as retained from per_worker group by village_code`,
      ['', d.retentionFrom, d.retentionTo],
    ),
    // Developed: the posts open on the stock day (opened on or before it, not closed on or before it); filled: those held then.
    sql.rows<{ village_code: string; developed: number; filled: number }>(
      `select w.village_code, count(*) as developed,
              count(*) filter (where exists (select 1 from welfare_assignment a where a.post_id = w.id and a.starts_on <= $1 and (a.ends_on is null or a.ends_on >= $1))) as filled
         from welfare_post w
        where (w.opened_on is null or w.opened_on <= $1) and (w.closed_on is null or w.closed_on > $1)
        group by w.village_code`,
      [d.asOf],
    ),
  ]);
  const figures: VillageFigures = new Map();
  for (const row of stock) for (const column of stockColumns) add(figures, row.village_code, column, row[column]);
  if (groupsKept) for (const row of stock) for (const [column, measure] of keptGroups) add(figures, row.village_code, measure, row[column]);
  for (const row of labour) {
    add(figures, row.village_code, 'able_labourers', row.able);
    add(figures, row.village_code, `able_labourers:${row.grp}`, row.able);
    add(figures, row.village_code, 'able_employed', row.employed);
    add(figures, row.village_code, `able_employed:${row.grp}`, row.employed);
    add(figures, row.village_code, row.place ? placeColumn(row.place as (typeof PLACES)[number]) : 'able_employed_unknown_place', row.employed);
  }
  for (const row of verified) add(figures, row.village_code, 'verified', row.n);
  for (const row of retention) for (const m of ['retention_base', 'retained'] as const) add(figures, row.village_code, m, row[m]);
  for (const row of welfare) for (const m of ['developed', 'filled'] as const) add(figures, row.village_code, m, row[m]);
  return figures;
}

/** Where a period's stock figures come from: today's state while it runs, else the history at its end, or nothing before the history begins. */
export function stockSourceOf(d: IndicatorDates, today: string, historyFirstDay: string): SeriesStockSource {
  if (d.asOf === today) return SeriesStockSource.CURRENT;
  return d.asOf >= historyFirstDay ? SeriesStockSource.HISTORY : SeriesStockSource.BEFORE_HISTORY;
}

export interface StockFigures {
  source: SeriesStockSource;
  figures: VillageFigures;
}

/**
 * The stock and as-of figures of a period (villageFigures) from where they are known: CURRENT —
 * the live read model; HISTORY — the same statements over the read model's history at the end of
 * the period's last day (history/as-of.ts); BEFORE_HISTORY — nothing (no statement): the readout
 * answers every figure of villageFigures as null, never estimated. indicators,
 * indicatorBreakdown, the targets and indicatorSeries all read stocks through here.
 */
export async function stockFigures(sql: Sql, d: IndicatorDates, today: string, history: { firstDay: string; groupsKeptFrom: Date }): Promise<StockFigures> {
  const source = stockSourceOf(d, today, history.firstDay);
  if (source === SeriesStockSource.BEFORE_HISTORY) return { source, figures: new Map() };
  if (source === SeriesStockSource.CURRENT) return { source, figures: await villageFigures(sql, d) };
  // From the history: the kept groups where its versions hold them, else counted from the people's versions.
  const asOf = asOfDay(d.asOf, today);
  return { source, figures: await villageFigures(sqlAsOf(sql, asOf), d, { groupsKept: Date.parse(asOf.instant) >= history.groupsKeptFrom.getTime() }) };
}

/**
 * Labour force and employed by poverty group and place of work counted from the people rows, in
 * one statement (one snapshot): for an as-of state older than the kept groups.
 */
function labourByScan(sql: Sql) {
  return sql.rows<{ village_code: string; grp: PovertyGroup; place: string | null; able: number; employed: number }>(
    `select p.village_code, ${POVERTY_GROUP} as grp,
            case when p.employment_place in (${PLACES.map((place) => `'${place}'`).join(', ')}) then p.employment_place end as place,
            count(*) filter (where ${ABLE_LABOURER}) as able, count(*) filter (where ${ABLE_EMPLOYED}) as employed
       from person_situation p where ${ABLE_LABOURER} group by 1, 2, 3`,
    [],
  );
}

export interface FlowPeriod {
  code: string;
  from: string;
  to: string;
}

/**
 * The flows of many periods per village, in one grouped statement per flow (not one per
 * period): job-fair workers, new transfers (by poverty group), training, subsidies. Periods are
 * joined from arrays; a worker counts once per period and figure. Keyed by period code.
 */
export async function flowFigures(sql: Sql, periods: readonly FlowPeriod[]): Promise<Map<string, VillageFigures>> {
  const result = new Map<string, VillageFigures>(periods.map((p) => [p.code, new Map()]));
  if (periods.length === 0) return result;
  const params = [periods.map((p) => p.code), periods.map((p) => p.from), periods.map((p) => p.to)];
  const PERIODS = `periods as (select * from unnest($1::text[], $2::date[], $3::date[]) as t(code, p_from, p_to))`;
  const completed = `e.status = 'COMPLETED' and e.completed_on between pr.p_from and pr.p_to`;
  const medium = `e.course_kind = 'MEDIUM_TERM' and ${completed}`;
  const [first, last] = [periods.reduce((m, p) => (p.from < m ? p.from : m), periods[0].from), periods.reduce((m, p) => (p.to > m ? p.to : m), periods[0].to)];
  const [reached, transfers, training, subsidies] = await Promise.all([
    sql.rows<{ code: string; village_code: string; n: number }>(
      `with ${PERIODS}
       select pr.code, j.village_code, count(distinct j.worker_id) as n
         from periods pr join job_fair_intention j on j.reached_on between pr.p_from and pr.p_to group by pr.code, j.village_code`,
      params,
    ),
    // Per worker and period (a worker recorded by both sources counts once), then by the worker's poverty group.
    sql.rows<{ code: string; village_code: string; grp: PovertyGroup; n: number }>(
      `with ${PERIODS}, events as (${transferEventsSql('', { region: 4, from: 5, to: 6 })}),
            w as (select pr.code, e.worker_id, min(e.village_code) as village_code
                    from periods pr join events e on e.started_on between pr.p_from and pr.p_to group by pr.code, e.worker_id)
       select w.code, w.village_code, ${POVERTY_GROUP} as grp, count(*) as n
         from w left join person_situation p on p.worker_id = w.worker_id group by 1, 2, 3`,
      [...params, '', first, last],
    ),
    sql.rows<{ code: string; village_code: string; participants: number; completions: number; medium_completed: number; medium_employed: number }>(
      `with ${PERIODS}, per_worker as (
         select pr.code, min(e.village_code) as village_code,
                bool_or(e.class_ends_on >= pr.p_from) as participant,
                bool_or(${completed}) as completed,
                bool_or(${medium}) as medium,
                bool_or(${medium} and e.employed_on is not null and e.employed_on <= (e.completed_on + interval '3 months')::date) as medium_employed
           from periods pr join training_enrolment e
             on e.class_starts_on <= pr.p_to and (e.class_ends_on >= pr.p_from or e.completed_on >= pr.p_from)
          group by pr.code, e.worker_id)
       select code, village_code, count(*) filter (where participant) as participants, count(*) filter (where completed) as completions,
              count(*) filter (where medium) as medium_completed, count(*) filter (where medium_employed) as medium_employed
         from per_worker group by code, village_code`,
      params,
    ),
    sql.rows<{ code: string; village_code: string; kind: string | null; amount: number; people: number }>(
      `with ${PERIODS}
       select pr.code, s.village_code, s.kind, sum(s.amount) as amount, count(distinct s.worker_id) as people
         from periods pr join subsidy_paid s on s.paid_on between pr.p_from and pr.p_to
        group by grouping sets ((pr.code, s.village_code, s.kind), (pr.code, s.village_code))`,
      params,
    ),
  ]);
  const of = (code: string) => result.get(code)!;
  for (const row of reached) add(of(row.code), row.village_code, 'reached', row.n);
  for (const row of transfers) {
    add(of(row.code), row.village_code, 'new_transfers', row.n);
    add(of(row.code), row.village_code, `new_transfers:${row.grp}`, row.n);
  }
  for (const row of training) for (const m of ['participants', 'completions', 'medium_completed', 'medium_employed'] as const) add(of(row.code), row.village_code, m, row[m]);
  for (const row of subsidies) {
    add(of(row.code), row.village_code, `people:${row.kind ?? TOTAL}`, row.people);
    add(of(row.code), row.village_code, `amount:${row.kind ?? TOTAL}`, row.amount);
  }
  return result;
}

/**
 * The periods a flow is decided over: a year, a quarter or a month is one cell of its year's
 * calendar (year = Σ quarters, quarter = Σ months), so that a year minus its published quarters
 * (or a quarter minus its months) never gives a withheld one away; these sums are exact for
 * amounts and an upper bound for people (a worker counted in two months counts once in the
 * quarter), treated as exact to be safe. An ISO week crosses months, so no published period is a
 * sum of weeks except by coincidence of calendar (see README): a week is its own table.
 */
export interface PeriodFamily {
  periods: FlowPeriod[];
  equations: Equation[];
}

export function periodFamily(d: IndicatorDates): PeriodFamily {
  if (/W/.test(d.code)) return { periods: [{ code: d.code, from: d.from, to: d.to }], equations: [] };
  const year = d.from.slice(0, 4);
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const periods = [year, ...quarters, ...months].map((code) => ({ code, ...parsePeriod(code) }));
  const equations: Equation[] = [{ total: year, parts: quarters }, ...quarters.map((q, i) => ({ total: q, parts: months.slice(i * 3, i * 3 + 3) }))];
  return { periods, equations };
}

/**
 * Every indicator of a region and period, suppressed for every caller: each figure is one
 * table over the whole registry's hierarchy (and its breakdown, where its parts add up to it),
 * the region asked for is read out of it. A rate is published only when its numerator and
 * denominator are (it would give the other away).
 */
export async function computeIndicators(sql: Sql, region: Region, periodText: string, threshold: number): Promise<IndicatorFigures> {
  return (await indicatorTables(sql, periodText, threshold))(region);
}

/**
 * The whole registry's suppressed tables for one period, built once; the returned function
 * reads any region's indicators out of them (no further SQL), so every region of one period —
 * a county, its townships and villages, asked together or apart — is cut from the same pattern.
 */
export async function indicatorTables(sql: Sql, periodText: string, threshold: number): Promise<IndicatorReadout> {
  return readoutOf(await indicatorFigures(sql, periodText, threshold));
}

/** indicatorTables' figures, read out for every division of the hierarchy (what kept.ts keeps and stores). */
export async function indicatorFigures(sql: Sql, periodText: string, threshold: number): Promise<ReadOutFigures> {
  const today = todayInChina();
  const d = indicatorDates(periodText, today);
  const family = periodFamily(d);
  const history = await historyBegins(sql);
  const [stocks, villages, byPeriod] = await Promise.all([
    stockFigures(sql, d, today, history),
    registryVillages(sql),
    // A period that has not begun has no flows (and is not asked for: it is refused).
    flowFigures(
      sql,
      family.periods.filter((p) => p.from <= today),
    ),
  ]);
  const [figures] = await readOutFiguresOffThread([{ d, family, stocks, villages, byPeriod, threshold }]);
  return figures;
}
