import { badInput, changeContextSql, forbidden, InputProblems, isValidDivisionCode, purposeRequired, type AccessControl, type ChangeContext } from '@jiuye/common';
import type { Sql } from '../db';
import { parsePeriod, PERIOD_FORMATS } from '../indicator/period';
import type { Region } from '../region/region.types';
import { TargetMeasureVocabulary, type TargetMeasure } from './target.types';

/** Departments whose county officers set targets: 人社 (hr) and 乡村振兴/扶贫 (poverty). */
export const TARGET_SETTERS = ['hr', 'poverty'] as const;
export const MAX_TARGET = 1_000_000;
export const MAX_TARGETS_PER_CALL = 1000;

export interface TargetRow {
  region_code: string;
  region_name: string;
  region_level: string;
  period: string;
  measure: TargetMeasure;
  target: number;
  set_at: Date;
}

/** A target period: a year or a quarter (targets are not set per month or week). */
export function parseTargetPeriod(text: string, argument: string): { code: string; year: string; quarter: number | null } {
  const code = (text ?? '').trim();
  parsePeriod(code, argument); // the format and range, named as the indicators name them
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(code);
  if (!match) throw badInput(argument, `targets are set for a year '2026' or a quarter '2026-Q1', not a month or a week (periods: ${PERIOD_FORMATS})`, 'TARGET_PERIOD');
  return { code, year: match[1], quarter: match[2] ? Number(match[2]) : null };
}

/** Who may set targets: an officer (not a viewer) of hr or poverty whose region is exactly one county, with a declared purpose. */
export function requireTargetSetter(access: AccessControl): string {
  const { identity } = access;
  if (!(TARGET_SETTERS as readonly string[]).includes(identity.department))
    throw forbidden(`targets are set by county officers of ${TARGET_SETTERS.join(' or ')}`, 'other-department');
  if (identity.role === 'viewer') throw forbidden('viewer accounts cannot write', 'read-only');
  if (!identity.region || identity.region.length !== 6) throw forbidden('targets are set by county officers: your account does not cover exactly one county', 'not-county');
  if (!identity.purpose) throw purposeRequired();
  return identity.region;
}

export interface SetTargetsRequest {
  period: string;
  measure: string;
  targets: { region: string; target: number }[];
}

/**
 * What setTargets and removeTargets check alike, all problems at once: the period (a year or a
 * quarter), the measure, 1 … MAX_TARGETS_PER_CALL regions, each the caller's county or inside it,
 * named at most once; `after` adds the caller's own checks of each entry in the same order. The
 * caller throws.
 */
function checkTargetRequest(
  county: string,
  input: { period: string; measure: string },
  regions: string[],
  listField: string,
  regionField: (index: number) => string,
  after: (problems: InputProblems, index: number) => void = () => undefined,
) {
  const problems = new InputProblems();
  let period: ReturnType<typeof parseTargetPeriod> | null = null;
  try {
    period = parseTargetPeriod(input.period, 'input.period');
  } catch (error) {
    problems.add('input.period', (error as Error).message.replace(/^input\.period: /, ''), 'TARGET_PERIOD');
  }
  problems.check((TargetMeasureVocabulary.values as string[]).includes(input.measure), 'input.measure', `one of ${TargetMeasureVocabulary.values.join(', ')}`, 'MEASURE');
  problems.check(regions.length >= 1 && regions.length <= MAX_TARGETS_PER_CALL, listField, `1 to ${MAX_TARGETS_PER_CALL} regions (got ${regions.length})`, 'COUNT');
  const seen = new Set<string>();
  regions.forEach((region, i) => {
    const field = regionField(i);
    if (!isValidDivisionCode(region ?? '') || ![6, 9, 12].includes(region.length))
      problems.add(field, 'expected the code of the county (6 digits), a township (9) or a village (12)', 'DIVISION_CODE');
    else if (!region.startsWith(county)) problems.add(field, `${region} lies outside your county ${county}`, 'OUTSIDE_COUNTY');
    else if (seen.has(region)) problems.add(field, `${region} is named twice`, 'DUPLICATE');
    seen.add(region);
    after(problems, i);
  });
  return { problems, period, seen };
}

/**
 * Checks everything that can be checked, naming each field (input.targets[3].region …), and
 * returns the known divisions of the named regions. Nothing is written when anything is wrong.
 * A region must be the caller's county or lie inside it and be known to the registry; each region
 * at most once; a target a whole number 0 … MAX_TARGET. A quarter's target may not exceed the
 * same region's year target, nor a year target fall below one of its quarters' (a quarter is part
 * of its year) — whichever is set first.
 */
export async function checkTargets(sql: Sql, county: string, input: SetTargetsRequest) {
  const targets = input.targets ?? [];
  const { problems, period, seen } = checkTargetRequest(
    county,
    input,
    targets.map((t) => t.region),
    'input.targets',
    (i) => `input.targets[${i}].region`,
    (entry, i) => {
      const { target } = targets[i];
      entry.check(Number.isInteger(target) && target >= 0 && target <= MAX_TARGET, `input.targets[${i}].target`, `a whole number from 0 to ${MAX_TARGET}`, 'TARGET');
    },
  );
  problems.throwIfAny();
  const codes = [...seen];
  const known = await sql.rows<{ code: string; name: string; level: string }>(`select code, name, level from division where code = any($1::text[])`, [codes]);
  const byCode = new Map(known.map((d) => [d.code, d]));
  targets.forEach(({ region }, i) => problems.check(byCode.has(region), `input.targets[${i}].region`, `${region} is not a division the registry knows`, 'UNKNOWN_REGION'));
  problems.throwIfAny();
  // A quarter against its year: the other side as stored (the year's quarters, or the quarter's year).
  const p = period!;
  const other = await sql.rows<{ region_code: string; period: string; target: number }>(
    `select region_code, period, target from assessment_target
      where region_code = any($1::text[]) and measure = $2 and ${p.quarter === null ? `period like $3 || '-Q%'` : `period = $3`}`,
    [codes, input.measure, p.year],
  );
  targets.forEach(({ region, target }, i) => {
    for (const row of other.filter((o) => o.region_code === region)) {
      if (p.quarter === null && target < row.target)
        problems.add(`input.targets[${i}].target`, `below ${region}'s target for ${row.period} (${row.target}): a quarter is part of its year`, 'BELOW_QUARTER');
      if (p.quarter !== null && target > row.target)
        problems.add(`input.targets[${i}].target`, `above ${region}'s target for the year ${row.period} (${row.target}): a quarter is part of its year`, 'ABOVE_YEAR');
    }
  });
  problems.throwIfAny();
  return { period: p, divisions: byCode };
}

/**
 * Sets the targets in one transaction (run by the resolver inside it): the change history is told
 * who writes (the transaction's change context), then every target is upserted.
 */
export async function setTargets(sql: Sql, access: AccessControl, change: ChangeContext | null, input: SetTargetsRequest): Promise<TargetRow[]> {
  const county = requireTargetSetter(access);
  if (change) {
    const { sql: text, params } = changeContextSql(change);
    await sql.rows(text, params);
  }
  // Serialise writers of one county and period: the quarter-versus-year check reads what the others write.
  const year = /^\d{4}/.exec((input.period ?? '').trim())?.[0] ?? '';
  await sql.rows(`select pg_advisory_xact_lock(hashtext($1))`, [`assessment_target:${county}:${year}:${input.measure}`]);
  const { period } = await checkTargets(sql, county, input);
  await sql.rows(
    `insert into assessment_target (county_code, region_code, period, measure, target, set_by)
     select $1, t.region, $2, $3, t.target, $4 from unnest($5::text[], $6::int[]) as t(region, target)
     on conflict (region_code, period, measure) do update set target = excluded.target, set_by = excluded.set_by, set_at = now()
       where assessment_target.target is distinct from excluded.target`,
    [county, period.code, input.measure, access.identity.subject, input.targets.map((t) => t.region), input.targets.map((t) => t.target)],
  );
  return readTargets(sql, { code: county, name: county, level: 'COUNTY' }, period.code, input.measure as TargetMeasure);
}

export interface RemoveTargetsRequest {
  period: string;
  measure: string;
  regions: string[];
}

/**
 * 撤销目标任务: withdraws the targets of one period and measure from regions of the caller's
 * county, all or none: every region named must hold one (else BAD_USER_INPUT naming it, nothing
 * removed). The history keeps each removed target (operation DELETE, the value before).
 */
export async function removeTargets(sql: Sql, access: AccessControl, change: ChangeContext | null, input: RemoveTargetsRequest): Promise<TargetRow[]> {
  const county = requireTargetSetter(access);
  if (change) {
    const { sql: text, params } = changeContextSql(change);
    await sql.rows(text, params);
  }
  const regions = input.regions ?? [];
  const { problems, period } = checkTargetRequest(county, input, regions, 'input.regions', (i) => `input.regions[${i}]`);
  problems.throwIfAny();
  const year = period!.year;
  await sql.rows(`select pg_advisory_xact_lock(hashtext($1))`, [`assessment_target:${county}:${year}:${input.measure}`]);
  const held = await sql.rows<{ region_code: string }>(
    `select region_code from assessment_target where region_code = any($1::text[]) and period = $2 and measure = $3 for update`,
    [regions, period!.code, input.measure],
  );
  const holding = new Set(held.map((row) => row.region_code));
  regions.forEach((region, i) => problems.check(holding.has(region), `input.regions[${i}]`, `${region} holds no ${input.measure} target for ${period!.code}`, 'NO_TARGET'));
  problems.throwIfAny();
  await sql.rows(`delete from assessment_target where region_code = any($1::text[]) and period = $2 and measure = $3`, [regions, period!.code, input.measure]);
  return readTargets(sql, { code: county, name: county, level: 'COUNTY' }, period!.code, input.measure as TargetMeasure);
}

/** The targets of a region and every region inside it, for one period and measure, by region code. */
export function readTargets(sql: Sql, region: Region, period: string, measure: TargetMeasure): Promise<TargetRow[]> {
  return sql.rows<TargetRow>(
    `select t.region_code, coalesce(d.name, t.region_code) as region_name, coalesce(d.level, '') as region_level, t.period, t.measure, t.target, t.set_at
       from assessment_target t left join division d on d.code = t.region_code
      where t.region_code like $1 || '%' and t.period = $2 and t.measure = $3
      order by t.region_code`,
    [region.code, period, measure],
  );
}

/** Targets by region code (a region and everything inside it). */
export async function targetMap(sql: Sql, region: string, period: string, measure: TargetMeasure): Promise<Map<string, number>> {
  const rows = await sql.rows<{ region_code: string; target: number }>(
    `select region_code, target from assessment_target where region_code like $1 || '%' and period = $2 and measure = $3`,
    [region, period, measure],
  );
  return new Map(rows.map((row) => [row.region_code, row.target]));
}

export interface TargetChangeRow {
  at: Date;
  actor: string;
  operation: string;
  region_code: string;
  region_name: string | null;
  region_level: string | null;
  period: string;
  measure: TargetMeasure;
  before: number | null;
  after: number | null;
}

/** The changes of the targets of a region and everything inside it (one period and measure), newest first, from change_history. */
export function readTargetChanges(sql: Sql, region: Region, period: string, measure: TargetMeasure, first: number): Promise<TargetChangeRow[]> {
  return sql.rows<TargetChangeRow>(
    `select h.at, h.actor, h.operation, k.region_code, d.name as region_name, d.level as region_level, k.period, k.measure,
            case h.operation when 'UPDATE' then (h.changes -> 'target' ->> 0)::int when 'DELETE' then (h.changes ->> 'target')::int end as before,
            case h.operation when 'UPDATE' then (h.changes -> 'target' ->> 1)::int when 'INSERT' then (h.changes ->> 'target')::int end as after
       from change_history h
       left join assessment_target t on t.id::text = h.row_key
       -- A withdrawn target's row is gone: its keys are in the entry itself (a delete keeps the old row).
       cross join lateral (select coalesce(t.region_code, h.changes ->> 'region_code') as region_code, coalesce(t.period, h.changes ->> 'period') as period,
                                  coalesce(t.measure, h.changes ->> 'measure') as measure) k
       left join division d on d.code = k.region_code
      where h.table_name = 'assessment_target' and k.region_code like $1 || '%' and k.period = $2 and k.measure = $3
      order by h.id desc limit $4`,
    [region.code, period, measure, first],
  );
}
