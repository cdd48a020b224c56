import { keptStock, placeColumn } from '../roster/village-counts';
import { addDays, addMonths, badInput, EmploymentPlaceVocabulary, todayInChina } from '@jiuye/common';
import { regionCondition, type Sql } from '../db';
import type { Region } from '../region/region';
import { transferEventsSql } from '../ranking/new-transfers';
import type { Indicators, PlaceCount, SubsidyIndicators, TrainingIndicators } from './indicator.types';
import { monthEnd, parsePeriod } from './period';
import { Suppressor } from './suppression';

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

interface PersonFigures {
  labour_force: number;
  employed: number;
  unknown_place: number;
  registry: number;
  seeking: number;
  [place: string]: number;
}

/**
 * Registry stock figures, summed over the region's villages from the counts the projector keeps
 * (roster/village-counts.ts) in the same transaction as the people: a few hundred rows for a
 * county instead of a pass over every person.
 */
async function personFigures(sql: Sql, region: Region): Promise<PersonFigures | undefined> {
  const kept = await keptStock(sql, region);
  return {
    labour_force: kept.able_labourers,
    employed: kept.able_employed,
    ...Object.fromEntries(PLACES.map((place) => [place, kept[placeColumn(place)]])),
    unknown_place: kept.able_employed_unknown_place,
    registry: kept.real_name,
    seeking: kept.employment_intention,
  } as PersonFigures;
}

/**
 * Registry workers of the region with at least one event in a date window. The projector keeps
 * event rows only for registry workers and stamps each with the worker's current village
 * (projection/projector.ts replacePeople), so the event table alone answers it — from its
 * (date, village_code) index — without a second pass over the registry.
 */
function registryWorkersWith(sql: Sql, events: string, region: Region, from: string, to: string): Promise<{ n: number } | undefined> {
  return sql.one<{ n: number }>(`select count(*) as n from (${events}) e`, [region.code, from, to]);
}

/** 月度核实: workers verified (any outcome but NOT_REACHED) between $2 and $3. */
const verifiedWorkers = (region: Region) =>
  `select distinct worker_id from record_verification
    where verified_on between $2 and $3 and outcome <> 'NOT_REACHED' and ${regionCondition('village_code', 1, region.code)}`;

/** 招聘会: workers who reached an intention between $2 and $3. */
const fairWorkers = (region: Region) =>
  `select distinct worker_id from job_fair_intention where reached_on between $2 and $3 and ${regionCondition('village_code', 1, region.code)}`;

/**
 * New transfers of the period and the retention cohort, over one union of both sources,
 * grouped per worker first (a hash aggregate) so a worker recorded by both counts once.
 */
function transferFigures(sql: Sql, region: Region, d: IndicatorDates) {
  const earliest = d.from < d.retentionFrom ? d.from : d.retentionFrom;
  return sql.one<{ new_transfers: number; retention_base: number; retained: number }>(
    `with events as (${transferEventsSql(region.code, { region: 1, from: 2, to: 3 })}),
     per_worker as (
       select bool_or(started_on between $4 and $5) as new,
              bool_or(started_on between $6 and $7) as cohort,
              bool_or(started_on between $6 and $7 and (ended_on is null or ended_on >= started_on + 90)) as retained
         from events group by worker_id)
     select count(*) filter (where new) as new_transfers, count(*) filter (where cohort) as retention_base, count(*) filter (where retained) as retained
       from per_worker`,
    [region.code, earliest, d.to, d.from, d.to, d.retentionFrom, d.retentionTo],
  );
}

function welfareFigures(sql: Sql, region: Region, d: IndicatorDates) {
  return sql.one<{ developed: number; filled: number }>(
    `select count(*) as developed,
            count(*) filter (where exists (select 1 from welfare_assignment a where a.post_id = w.id and a.starts_on <= $2 and (a.ends_on is null or a.ends_on >= $2))) as filled
       from welfare_post w where ${regionCondition('w.village_code', 1, region.code)}`,
    [region.code, d.asOf],
  );
}

function trainingFigures(sql: Sql, region: Region, d: IndicatorDates) {
  const completed = `status = 'COMPLETED' and completed_on between $2 and $3`;
  const medium = `course_kind = 'MEDIUM_TERM' and ${completed}`;
  return sql.one<{ participants: number; completions: number; medium_completed: number; medium_employed: number }>(
    `with per_worker as (
       select bool_or(class_ends_on >= $2) as participant,
              bool_or(${completed}) as completed,
              bool_or(${medium}) as medium,
              bool_or(${medium} and employed_on is not null and employed_on <= (completed_on + interval '3 months')::date) as medium_employed
         from training_enrolment
        where class_starts_on <= $3 and (class_ends_on >= $2 or completed_on >= $2) and ${regionCondition('village_code', 1, region.code)}
        group by worker_id)
     select count(*) filter (where participant) as participants, count(*) filter (where completed) as completions,
            count(*) filter (where medium) as medium_completed, count(*) filter (where medium_employed) as medium_employed
       from per_worker`,
    [region.code, d.from, d.to],
  );
}

function subsidyFigures(sql: Sql, region: Region, d: IndicatorDates) {
  return sql.rows<{ kind: string | null; amount: number; people: number }>(
    `select kind, sum(amount) as amount, count(distinct worker_id) as people
       from subsidy_paid
      where paid_on between $2 and $3 and ${regionCondition('village_code', 1, region.code)}
      group by grouping sets ((kind), ())`,
    [region.code, d.from, d.to],
  );
}

export type IndicatorFigures = Omit<Indicators, 'region' | 'freshness'>;

/**
 * Every indicator of a region and period: seven grouped statements run side by side (registry
 * stock, verified workers, job-fair workers, transfers, welfare posts, training, subsidies), then
 * suppression for every caller.
 */
export async function computeIndicators(sql: Sql, region: Region, periodText: string, threshold: number): Promise<IndicatorFigures> {
  const d = indicatorDates(periodText);
  const [person, verified, reached, transfers, welfare, training, subsidies] = await Promise.all([
    personFigures(sql, region),
    registryWorkersWith(sql, verifiedWorkers(region), region, d.verificationFrom, d.verificationTo),
    registryWorkersWith(sql, fairWorkers(region), region, d.from, d.to),
    transferFigures(sql, region, d),
    welfareFigures(sql, region, d),
    trainingFigures(sql, region, d),
    subsidyFigures(sql, region, d),
  ]);
  const s = new Suppressor(threshold, true);
  const p = person!;

  const placeValues = [...PLACES.map((place) => p[place]), p.unknown_place];
  const placeHidden = s.breakdown(placeValues);
  const transferByPlace: PlaceCount[] = [...PLACES, null].map((place, i) => ({
    place,
    label: place ? EmploymentPlaceVocabulary.labels[place] : '未登记就业地点',
    people: s.count(placeValues[i], placeHidden[i]),
  }));

  const t = training!;
  const trainingOut: TrainingIndicators = {
    participants: s.count(t.participants),
    completions: s.count(t.completions),
    mediumTermCompleted: s.count(t.medium_completed),
    employedWithin3Months: s.count(t.medium_employed),
    employedWithin3MonthsRate: s.rate(t.medium_employed, t.medium_completed),
  };

  return {
    period: { code: d.code, label: d.label, from: d.from, to: d.to, asOf: d.asOf },
    threshold,
    labourForce: s.count(p.labour_force),
    employed: s.count(p.employed),
    employmentRate: s.rate(p.employed, p.labour_force),
    transferByPlace,
    newTransfers: s.count(transfers!.new_transfers),
    welfarePostsDeveloped: s.count(welfare!.developed),
    welfarePostsFilled: s.count(welfare!.filled),
    training: trainingOut,
    subsidies: subsidyIndicators(s, subsidies),
    retention: s.rate(transfers!.retained, transfers!.retention_base),
    verifiedShare: s.rate(verified!.n, p.registry),
    jobFairIntentionRate: s.rate(reached!.n, p.seeking),
  };
}

function subsidyIndicators(s: Suppressor, rows: { kind: string | null; amount: number; people: number }[]): SubsidyIndicators {
  const total = rows.find((row) => row.kind === null);
  const byKind = new Map(rows.filter((row) => row.kind !== null).map((row) => [row.kind!, row]));
  const kinds = [...Object.keys(SUBSIDY_KIND_LABELS), ...[...byKind.keys()].filter((k) => !(k in SUBSIDY_KIND_LABELS)).sort()];
  const people = kinds.map((kind) => byKind.get(kind)?.people ?? 0);
  // Amounts add up to the published total: hide a second kind when only one is hidden.
  const hidden = s.breakdown(people);
  const totalPeople = total?.people ?? 0;
  return {
    byKind: kinds.map((kind, i) => ({
      kind,
      label: SUBSIDY_KIND_LABELS[kind] ?? kind,
      amount: s.amount(byKind.get(kind)?.amount ?? 0, hidden[i]),
      people: s.count(people[i], hidden[i]),
    })),
    totalAmount: s.amount(total?.amount ?? 0, s.hides(totalPeople)),
    totalPeople: s.count(totalPeople),
  };
}
