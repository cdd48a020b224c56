import { groupColumn, placeColumn } from '../roster/village-counts';
import { addDays, addMonths, badInput, EmploymentPlaceVocabulary, RegionTree, SuppressedTable, todayInChina, TOTAL } from '@jiuye/common';
import type { Sql } from '../db';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { ABLE_EMPLOYED, ABLE_LABOURER, POVERTY_GROUP, POVERTY_GROUPS, type PovertyGroup } from '../sql/conditions';
import { transferEventsSql } from '../ranking/new-transfers';
import type { Indicators, PlaceCount, SubsidyIndicators, TrainingIndicators } from './indicator.types';
import { monthEnd, parsePeriod } from './period';
import type { Equation } from '@jiuye/common';
import { publishedAmount, publishedCount, publishedRate } from './suppression';
import { asOfDay, historyBegins, sqlAsOf } from '../history/as-of';
import { SeriesStockSource } from './stock-source';

/** 补贴类别 (hr's vocabulary; kept here as labels only, the graph exposes the code as a string). */
export const SUBSIDY_KIND_LABELS: Record<string, string> = {
  ONE_OFF_EMPLOYMENT: '一次性就业补贴',
  TRAVEL_FARE: '外出务工交通补助（单程车费）',
  TRAINING_LIVING: '培训期间生活费补贴',
  WELFARE_POST_ALLOWANCE: '公益性岗位补贴',
  ENTREPRENEURSHIP: '一次性创业补贴',
};

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

const STOCK_NOT_KNOWN = { value: null, suppressed: false };
const RATE_NOT_KNOWN = { value: null, numerator: null, denominator: null, suppressed: false };

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

export type IndicatorFigures = Omit<Indicators, 'region' | 'freshness'>;

/**
 * Every indicator of a region and period, suppressed for every caller: each figure is one
 * table over the whole registry's hierarchy (and its breakdown, where its parts add up to it),
 * the region asked for is read out of it. A rate is published only when its numerator and
 * denominator are (it would give the other away).
 */
export async function computeIndicators(sql: Sql, region: Region, periodText: string, threshold: number): Promise<IndicatorFigures> {
  return (await indicatorTables(sql, periodText, threshold))(region);
}

/** Figures of one region out of the period's tables (see indicatorTables). */
export type IndicatorReadout = (region: Region) => IndicatorFigures;

/**
 * The whole registry's suppressed tables for one period, built once; the returned function
 * reads any region's indicators out of them (no further SQL), so every region of one period —
 * a county, its townships and villages, asked together or apart — is cut from the same pattern.
 */
export async function indicatorTables(sql: Sql, periodText: string, threshold: number): Promise<IndicatorReadout> {
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
  return buildReadout(d, family, stocks, villages, byPeriod, threshold);
}

/**
 * The suppressed tables of one period out of figures already read: the stock and as-of figures
 * per village and where they come from (stockFigures), the registry's villages, and the flows of
 * (at least) every period of the period's family (flowFigures). Pure: no SQL. Before the history
 * begins every figure of villageFigures (stocks, and the rates over them or on the stock day:
 * retention, verifiedShare, jobFairIntentionRate) is null, not suppressed: not known.
 */
export function buildReadout(
  d: IndicatorDates,
  family: PeriodFamily,
  stocks: StockFigures,
  villages: readonly string[],
  byPeriod: ReadonlyMap<string, VillageFigures>,
  threshold: number,
  familyTables?: Map<string, unknown>,
): IndicatorReadout {
  const figures = stocks.figures;
  const flows = family.periods.map((p) => byPeriod.get(p.code) ?? new Map<string, Record<string, number>>());
  const tree = new RegionTree(new Set([...villages, ...figures.keys(), ...flows.flatMap((f) => [...f.keys()])]));
  /**
   * A flow's tables depend on the family, its flows, the tree and the threshold only: periods of
   * one series that share them (the months of one year) share the tables (`familyTables`, one
   * request's), built once. The key holds the whole tree, so a different hierarchy never shares.
   */
  const familyKey = `${family.periods.map((p) => p.code).join(',')}|${threshold}|${tree.nodes.join(',')}`;
  const shared = <T>(name: string, build: () => T): T => {
    if (!familyTables) return build();
    const key = `${name}|${familyKey}`;
    if (!familyTables.has(key)) familyTables.set(key, build());
    return familyTables.get(key) as T;
  };
  const tables = new Map<string, SuppressedTable>();
  const once = (key: string, build: () => SuppressedTable) => tables.get(key) ?? tables.set(key, key.startsWith('flow:') ? shared(key, build) : build()).get(key)!;
  const column = (measure: string) => new Map([...figures].map(([village, row]) => [village, { [TOTAL]: row[measure] ?? 0 }]));
  const singleTable = (measure: string) => once(measure, () => new SuppressedTable(tree, column(measure), threshold));
  /** One flow's table over the region hierarchy × the period family. */
  const flowTable = (measure: string) =>
    once(`flow:${measure}`, () => {
      const units = new Map<string, Record<string, number>>();
      flows.forEach((f, i) => {
        for (const [village, row] of f) (units.get(village) ?? units.set(village, {}).get(village)!)[family.periods[i].code] = row[measure] ?? 0;
      });
      return new SuppressedTable(
        tree,
        units,
        threshold,
        family.periods.map((p) => p.code),
        { categoryEquations: family.equations },
      );
    });
  // Employed labourers by place: the places (and the unknown place) add up to employed, and so do
  // the poverty groups: one table, both sums, so neither breakdown gives a cell of the other away.
  const placeKeys = [...PLACES.map((place) => placeColumn(place)), 'able_employed_unknown_place'];
  const groups = POVERTY_GROUPS.map((g) => g.group);
  const employedByPlace = new SuppressedTable(
    tree,
    new Map(
      [...figures].map(([village, row]) => [
        village,
        { [TOTAL]: row.able_employed ?? 0, ...Object.fromEntries([...placeKeys, ...groups].map((k) => [k, row[placeKeys.includes(k) ? k : `able_employed:${k}`] ?? 0])) },
      ]),
    ),
    threshold,
    [TOTAL, ...placeKeys, ...groups],
    {
      categoryEquations: [
        { total: TOTAL, parts: placeKeys },
        { total: TOTAL, parts: groups },
      ],
    },
  );
  // Labour force by poverty group (the groups add up to it).
  const labourForceByGroup = new SuppressedTable(
    tree,
    new Map([...figures].map(([village, row]) => [village, { [TOTAL]: row.able_labourers ?? 0, ...Object.fromEntries(groups.map((g) => [g, row[`able_labourers:${g}`] ?? 0])) }])),
    threshold,
    groups,
  );
  const newTransfers = shared('new_transfers', () => flowBreakdownTable(tree, flows, family, 'new_transfers', groups, threshold));
  const subsidies = shared('subsidies', () => subsidyTables(tree, flows, family, threshold));

  const known = stocks.source !== SeriesStockSource.BEFORE_HISTORY;
  /** A stock (or a rate over one) as published, or not known before the history begins. */
  const stock = (value: number | null) => (known ? publishedCount(value) : STOCK_NOT_KNOWN);
  const stockRate = (numerator: number | null, denominator: number | null) => (known ? publishedRate(numerator, denominator) : RATE_NOT_KNOWN);

  return (region) => {
    const single = (measure: string) => singleTable(measure).published(region.code);
    const flow = (measure: string) => flowTable(measure).published(region.code, d.code);
    const transferByPlace: PlaceCount[] = [...PLACES, null].map((place, i) => ({
      place,
      label: place ? EmploymentPlaceVocabulary.labels[place] : '未登记就业地点',
      people: stock(employedByPlace.published(region.code, placeKeys[i])),
    }));
    const labourForce = labourForceByGroup.published(region.code);
    const employed = employedByPlace.published(region.code);
    const [participants, completions, mediumCompleted, mediumEmployed, reached] = ['participants', 'completions', 'medium_completed', 'medium_employed', 'reached'].map(flow);
    const trainingOut: TrainingIndicators = {
      participants: publishedCount(participants),
      completions: publishedCount(completions),
      mediumTermCompleted: publishedCount(mediumCompleted),
      employedWithin3Months: publishedCount(mediumEmployed),
      employedWithin3MonthsRate: publishedRate(mediumEmployed, mediumCompleted),
    };
    const [retained, retentionBase, verified, registry, seeking] = ['retained', 'retention_base', 'verified', 'real_name', 'employment_intention'].map(single);
    return {
      period: { code: d.code, label: d.label, from: d.from, to: d.to, asOf: d.asOf },
      stockSource: stocks.source,
      threshold,
      labourForce: stock(labourForce),
      employed: stock(employed),
      employmentRate: stockRate(employed, labourForce),
      transferByPlace,
      newTransfers: publishedCount(newTransfers(region.code, TOTAL, d.code)),
      zeroEmploymentHouseholds: stock(single('zero_employment_households')),
      byPovertyStatus: POVERTY_GROUPS.map((g) => {
        const [groupLabour, groupEmployed] = [labourForceByGroup.published(region.code, g.group), employedByPlace.published(region.code, g.group)];
        return {
          status: g.group,
          label: g.label,
          registeredPoor: g.registeredPoor,
          labourForce: stock(groupLabour),
          employed: stock(groupEmployed),
          employmentRate: stockRate(groupEmployed, groupLabour),
          newTransfers: publishedCount(newTransfers(region.code, g.group, d.code)),
        };
      }),
      welfarePostsDeveloped: stock(single('developed')),
      welfarePostsFilled: stock(single('filled')),
      training: trainingOut,
      subsidies: subsidies(region, d.code),
      retention: stockRate(retained, retentionBase),
      verifiedShare: stockRate(verified, registry),
      jobFairIntentionRate: stockRate(reached, seeking),
    };
  };
}

/**
 * A flow broken down into parts that add up to it (e.g. new transfers by poverty group): one
 * table over the region hierarchy × (total and parts) × the period family, tied by total = Σ
 * parts in every period and by the family's sums in every part. Reads (node, part or TOTAL, period).
 */
function flowBreakdownTable(
  tree: RegionTree,
  flows: VillageFigures[],
  family: PeriodFamily,
  measure: string,
  parts: readonly string[],
  threshold: number,
): (node: string, part: string, period: string) => number | null {
  const all = [TOTAL, ...parts];
  const cat = (part: string, code: string) => `${part}@${code}`;
  const categories = all.flatMap((part) => family.periods.map((p) => cat(part, p.code)));
  const equations: Equation[] = [
    ...family.periods.map((p) => ({ total: cat(TOTAL, p.code), parts: parts.map((part) => cat(part, p.code)) })),
    ...all.flatMap((part) => family.equations.map((e) => ({ total: cat(part, e.total), parts: e.parts.map((x) => cat(part, x)) }))),
  ];
  const units = new Map<string, Record<string, number>>();
  flows.forEach((f, i) => {
    for (const [village, row] of f) {
      const unit = units.get(village) ?? units.set(village, {}).get(village)!;
      for (const part of all) unit[cat(part, family.periods[i].code)] = row[part === TOTAL ? measure : `${measure}:${part}`] ?? 0;
    }
  });
  const table = new SuppressedTable(tree, units, threshold, categories, { categoryEquations: equations });
  return (node, part, period) => table.published(node, cat(part, period));
}

/**
 * Subsidies: people per kind are distinct workers (a worker paid two kinds counts in both), so
 * the kinds add up to at least totalPeople — and exactly, unless somebody was paid two kinds:
 * the bound totalPeople − Σ other kinds is tight enough to treat as an equation, so it is one.
 * Amounts add up exactly. Both are tables over the region hierarchy × kind × the period family;
 * an amount is withheld exactly where its people are (the same cells and sums: the same pattern).
 */
function subsidyTables(tree: RegionTree, flows: VillageFigures[], family: PeriodFamily, threshold: number): (region: Region, period: string) => SubsidyIndicators {
  const seen = new Set<string>();
  for (const f of flows) for (const row of f.values()) for (const key of Object.keys(row)) if (key.startsWith('people:') && key !== `people:${TOTAL}`) seen.add(key.slice(7));
  const kinds = [...Object.keys(SUBSIDY_KIND_LABELS), ...[...seen].filter((k) => !(k in SUBSIDY_KIND_LABELS)).sort()];
  const all = [TOTAL, ...kinds];
  const cat = (kind: string, code: string) => `${kind}@${code}`;
  const categories = all.flatMap((kind) => family.periods.map((p) => cat(kind, p.code)));
  const equations: Equation[] = [
    ...family.periods.map((p) => ({ total: cat(TOTAL, p.code), parts: kinds.map((k) => cat(k, p.code)) })),
    ...all.flatMap((kind) => family.equations.map((e) => ({ total: cat(kind, e.total), parts: e.parts.map((part) => cat(kind, part)) }))),
  ];
  const part = (prefix: string) => {
    const units = new Map<string, Record<string, number>>();
    flows.forEach((f, i) => {
      for (const [village, row] of f) {
        const unit = units.get(village) ?? units.set(village, {}).get(village)!;
        for (const kind of all) unit[cat(kind, family.periods[i].code)] = row[`${prefix}:${kind}`] ?? 0;
      }
    });
    return units;
  };
  const people = new SuppressedTable(tree, part('people'), threshold, categories, { categoryEquations: equations });
  // The amounts have the same cells and sums as the people they were paid to: the same pattern protects them.
  const amounts = new SuppressedTable(tree, part('amount'), threshold, categories, { categoryEquations: equations, sameAs: people });
  return (region, period) => ({
    byKind: kinds.map((kind) => ({
      kind,
      label: SUBSIDY_KIND_LABELS[kind] ?? kind,
      amount: publishedAmount(amounts.published(region.code, cat(kind, period))),
      people: publishedCount(people.published(region.code, cat(kind, period))),
    })),
    totalAmount: publishedAmount(amounts.published(region.code, cat(TOTAL, period))),
    totalPeople: publishedCount(people.published(region.code, cat(TOTAL, period))),
  });
}
