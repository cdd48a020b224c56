import type pg from 'pg';
import { DEPARTMENT_NAMES, SITUATION_SOURCE_SCHEMA, type DepartmentName } from '@jiuye/common';
import { readModelTypes } from '../db';

/**
 * What the read model takes from each department, read by worker id (or household code) in
 * batches: one statement per department view per batch, never one per worker. The read model
 * reads only the views each department publishes for it (schema situation_source_v1, declared in
 * the department's src/published-views.ts), never a department's own tables: the departments
 * stay the only writers, and free to change their tables behind the views. Transfers and
 * enrolments come only once the county confirmed them (the departments' confirmed_* views): a
 * partner city's or institution's pending claim is no fact of the worker, and must not place the
 * worker in its views (hole 7).
 */
export type SourcePools = Record<DepartmentName, pg.Pool>;

/** The published schema, qualified in every statement below (no search_path to rely on). */
const V = SITUATION_SOURCE_SCHEMA;

async function rows<T>(pool: pg.Pool, text: string, values: unknown[]): Promise<T[]> {
  return (await pool.query({ text, values, types: readModelTypes })).rows as T[];
}

export interface HrWorkerRow {
  id: string;
  id_number: string;
  name: string;
  sex: string;
  birth_date: string;
  household_code: string;
  village_code: string;
  population_status: string;
  employment_status: string;
  employment_intention: string;
  skill_level: string;
  education: string;
  training_wish: string | null;
  verified_on: string | null;
}
export interface EmploymentRow {
  id: number;
  worker_id: string;
  kind: string;
  place: string;
  employer_name: string;
  starts_on: string;
  ends_on: string | null;
  end_reason: string | null;
}
export interface SubsidyRow {
  id: number;
  worker_id: string;
  kind: string;
  amount: number;
  paid_on: string;
}
export interface IntentionRow {
  id: number;
  worker_id: string;
  fair_id: number;
  reached_on: string;
}
export interface AssignmentRow {
  id: number;
  post_id: number;
  worker_id: string;
  starts_on: string;
  ends_on: string | null;
  post_kind: string;
}
export interface VerificationRow {
  id: number;
  worker_id: string;
  verified_on: string;
  outcome: string;
}
export interface HouseholdRow {
  code: string;
  poverty_status: string;
  status_since: string;
  cadre_name: string | null;
  cadre_phone: string | null;
  /** The responsible cadre's staff account (their household's zero-employment task is assigned to it). */
  cadre_account?: string | null;
  unit_name: string | null;
}
export interface CivilPersonRow {
  worker_id: string;
  left_behind: string | null;
  disability_kind: string | null;
  disability_grade: number | null;
}
export interface CareDutyRow {
  worker_id: string;
  reason: string;
  since: string;
  until: string | null;
}
export interface GrantRow {
  household_code: string;
  kind: string;
  starts_on: string;
  ends_on: string | null;
}
export interface EnrolmentRow {
  id: number;
  worker_id: string;
  institution_id: number;
  course_kind: string;
  trade: string;
  class_starts_on: string;
  class_ends_on: string;
  enrolled_on: string;
  status: string;
  completed_on: string | null;
  employed_on: string | null;
  /** Who funded the class (confirmed_enrolment_funding); empty when not recorded. */
  funder: string | null;
  funder_city_code: string | null;
}
interface EnrolmentFundingRow {
  id: number;
  funder: string | null;
  funder_city_code: string | null;
}
export interface CertificateRow {
  worker_id: string;
  trade: string;
  issued_on: string;
}
export interface TransferRow {
  id: number;
  worker_id: string;
  city_code: string;
  started_on: string;
  ended_on: string | null;
}
export interface FollowUpRow {
  id: number;
  transfer_id: number;
  worker_id: string;
  visited_on: string;
  still_employed: boolean;
}

/** 一人一案: one service record of a department (its published service_record view), with the department that gave it. */
export interface ServiceRow {
  department: DepartmentName;
  id: number;
  worker_id: string;
  kind: string;
  served_on: string;
  staff_account: string;
  outcome: string | null;
  channel: string | null;
  posting_source: string | null;
  posting_ids: string[];
  course_id: number | null;
  class_id: number | null;
  case_status: string | null;
  closed_on: string | null;
}

export interface WorkerFacts {
  workers: HrWorkerRow[];
  employments: EmploymentRow[];
  subsidies: SubsidyRow[];
  intentions: IntentionRow[];
  assignments: AssignmentRow[];
  verifications: VerificationRow[];
  civil: CivilPersonRow[];
  careDuties: CareDutyRow[];
  enrolments: EnrolmentRow[];
  certificates: CertificateRow[];
  transfers: TransferRow[];
  followUps: FollowUpRow[];
  services: ServiceRow[];
}

/** Everything the departments hold about these workers (the hr registry decides who is one). */
export async function readWorkerFacts(sources: SourcePools, workerIds: string[]): Promise<WorkerFacts> {
  const ids = [workerIds];
  const [workers, employments, subsidies, intentions, assignments, verifications, civil, careDuties, bareEnrolments, funding, certificates, transfers, followUps] =
    await Promise.all([
      rows<HrWorkerRow>(
        sources.hr,
        `select id, id_number, name, sex, birth_date, household_code, village_code, population_status, employment_status,
                employment_intention, skill_level, education, training_wish, verified_on
           from ${V}.worker where id = any($1::text[])`,
        ids,
      ),
      rows<EmploymentRow>(
        sources.hr,
        `select id, worker_id, kind, place, employer_name, starts_on, ends_on, end_reason from ${V}.employment where worker_id = any($1::text[])`,
        ids,
      ),
      rows<SubsidyRow>(sources.hr, `select id, worker_id, kind, amount, paid_on from ${V}.subsidy_payment where worker_id = any($1::text[])`, ids),
      rows<IntentionRow>(sources.hr, `select id, worker_id, fair_id, reached_on from ${V}.job_fair_intention where worker_id = any($1::text[])`, ids),
      rows<AssignmentRow>(sources.hr, `select id, post_id, worker_id, starts_on, ends_on, post_kind from ${V}.welfare_post_assignment where worker_id = any($1::text[])`, ids),
      rows<VerificationRow>(sources.hr, `select id, worker_id, verified_on, outcome from ${V}.record_verification where worker_id = any($1::text[])`, ids),
      rows<CivilPersonRow>(sources.civil, `select worker_id, left_behind, disability_kind, disability_grade from ${V}.person_circumstance where worker_id = any($1::text[])`, ids),
      rows<CareDutyRow>(sources.civil, `select worker_id, reason, since, until from ${V}.care_duty where worker_id = any($1::text[])`, ids),
      rows<Omit<EnrolmentRow, 'funder' | 'funder_city_code'>>(
        sources.training,
        `select id, worker_id, institution_id, course_kind, trade, class_starts_on, class_ends_on, enrolled_on, status, completed_on, employed_on
           from ${V}.confirmed_enrolment where worker_id = any($1::text[])`,
        ids,
      ),
      rows<EnrolmentFundingRow>(sources.training, `select id, funder, funder_city_code from ${V}.confirmed_enrolment_funding where worker_id = any($1::text[])`, ids),
      rows<CertificateRow>(sources.training, `select worker_id, trade, issued_on from ${V}.certificate where worker_id = any($1::text[])`, ids),
      rows<TransferRow>(sources.partner, `select id, worker_id, city_code, started_on, ended_on from ${V}.confirmed_transfer where worker_id = any($1::text[])`, ids),
      rows<FollowUpRow>(
        sources.partner,
        `select id, transfer_id, worker_id, visited_on, still_employed from ${V}.confirmed_follow_up_visit where worker_id = any($1::text[])`,
        ids,
      ),
    ]);
  const services = (await Promise.all(DEPARTMENT_NAMES.map((department) => readServices(sources, department, ids)))).flat();
  const fundingOf = new Map(funding.map((f) => [f.id, f]));
  const enrolments: EnrolmentRow[] = bareEnrolments.map((e) => ({
    ...e,
    funder: fundingOf.get(e.id)?.funder ?? null,
    funder_city_code: fundingOf.get(e.id)?.funder_city_code ?? null,
  }));
  return { workers, employments, subsidies, intentions, assignments, verifications, civil, careDuties, enrolments, certificates, transfers, followUps, services };
}

/** The service records one department gave these workers (every department publishes the same view). */
function readServices(sources: SourcePools, department: DepartmentName, ids: unknown[]): Promise<ServiceRow[]> {
  return rows<ServiceRow>(
    sources[department],
    `select '${department}'::text as department, id, worker_id, kind, served_on, staff_account, outcome, channel, posting_source, posting_ids, course_id, class_id, case_status, closed_on
       from ${V}.service_record where worker_id = any($1::text[])`,
    ids,
  );
}

export interface HouseholdFacts {
  households: HouseholdRow[];
  grants: GrantRow[];
}

/** Poverty status and who is responsible now (poverty), for these households. */
export function readPovertyHouseholds(sources: SourcePools, codes: string[], today: string): Promise<HouseholdRow[]> {
  return rows<HouseholdRow>(
    sources.poverty,
    `select h.code, h.poverty_status, h.status_since, c.name as cadre_name, c.phone as cadre_phone, a.account as cadre_account, u.name as unit_name
       from ${V}.household h
       left join lateral (
         select r.cadre_id, r.unit_id from ${V}.household_responsibility r
          where r.household_code = h.code and (r.until is null or r.until >= $2::date)
          order by r.since desc limit 1
       ) r on true
       left join ${V}.cadre c on c.id = r.cadre_id
       left join ${V}.cadre_account a on a.id = r.cadre_id
       left join ${V}.responsible_unit u on u.id = r.unit_id
      where h.code = any($1::text[])`,
    [codes, today],
  );
}

/** Poverty status and responsibility (poverty) and the assistance paid now (civil), for these households. */
export async function readHouseholdFacts(sources: SourcePools, codes: string[], today: string): Promise<HouseholdFacts> {
  const [households, grants] = await Promise.all([
    readPovertyHouseholds(sources, codes, today),
    rows<GrantRow>(
      sources.civil,
      `select household_code, kind, starts_on, ends_on from ${V}.assistance_grant
        where household_code = any($1::text[]) and starts_on <= $2::date and (ends_on is null or ends_on >= $2::date)`,
      [codes, today],
    ),
  ]);
  return { households, grants };
}

/** 防返贫 facts of a household: its open monitoring case (poverty), when its allowance ends (civil), its members' latest disability certification (civil). */
export interface RelapseFactRow {
  code: string;
  open_case_id: number | null;
  open_case_step: string | null;
  allowance_ends_on: string | null;
  disability_certified_on: string | null;
}

/**
 * The relapse facts of these households (members: the registry members of them). The allowance
 * ends on the latest end of any grant (infinity while one has no end), so "allowance stopped"
 * holds from the day after, whatever day the rule is read on.
 */
export async function readRelapseFacts(sources: SourcePools, codes: string[], members: { worker_id: string; household_code: string }[]): Promise<RelapseFactRow[]> {
  const [cases, grants, disabilities] = await Promise.all([
    rows<{ household_code: string; id: number; step: string }>(
      sources.poverty,
      `select household_code, id, step from ${V}.monitoring_case
        where household_code = any($1::text[]) and step in ('CANDIDATE', 'VILLAGE_REVIEWED', 'TOWNSHIP_CHECKED', 'COUNTY_APPROVED')`,
      [codes],
    ),
    rows<{ household_code: string; ends_on: string }>(
      sources.civil,
      `select household_code, max(coalesce(ends_on, 'infinity'::date)) as ends_on from ${V}.assistance_grant where household_code = any($1::text[]) group by household_code`,
      [codes],
    ),
    rows<{ worker_id: string; certified_on: string }>(
      sources.civil,
      `select worker_id, certified_on from ${V}.disability_certification where worker_id = any($1::text[]) and certified_on is not null`,
      [members.map((m) => m.worker_id)],
    ),
  ]);
  const householdOf = new Map(members.map((m) => [m.worker_id, m.household_code]));
  const facts = new Map<string, RelapseFactRow>();
  const fact = (code: string) =>
    facts.get(code) ?? facts.set(code, { code, open_case_id: null, open_case_step: null, allowance_ends_on: null, disability_certified_on: null }).get(code)!;
  for (const c of cases) Object.assign(fact(c.household_code), { open_case_id: c.id, open_case_step: c.step });
  for (const g of grants) fact(g.household_code).allowance_ends_on = g.ends_on;
  for (const d of disabilities) {
    const code = householdOf.get(d.worker_id);
    if (!code) continue;
    const row = fact(code);
    if (row.disability_certified_on === null || d.certified_on > row.disability_certified_on) row.disability_certified_on = d.certified_on;
  }
  return [...facts.values()];
}

/** 应登尽登: one person poverty or civil affairs knows (completeness/known-people.ts keeps them in known_person). */
export interface KnownPersonRow {
  department: 'poverty' | 'civil';
  worker_id: string;
  id_number: string;
  name: string | null;
  sex: string | null;
  birth_date: string | null;
  household_code: string | null;
  poverty_status: string | null;
  cadre_name: string | null;
  /** The responsible cadre's staff account (the person's 应登尽登 task is assigned to it). */
  cadre_account: string | null;
}

/**
 * What each department publishes about the people it knows: poverty the current members of
 * registered households, with the household's status and its responsible cadre on the day ($1);
 * civil where it places a person (no name: civil publishes none). Wrapped, so that the filters
 * below name plain columns.
 */
const KNOWN_PEOPLE = {
  poverty: `select * from (select 'poverty' as department, m.worker_id, m.id_number, m.name, m.sex, m.birth_date, m.household_code, h.poverty_status, c.name as cadre_name,
              a.account as cadre_account
       from ${V}.household_member m
       join ${V}.household h on h.code = m.household_code
       left join lateral (select r.cadre_id from ${V}.household_responsibility r
                           where r.household_code = m.household_code and (r.until is null or r.until >= $1::date) order by r.since desc limit 1) r on true
       left join ${V}.cadre c on c.id = r.cadre_id
       left join ${V}.cadre_account a on a.id = r.cadre_id) k`,
  civil: `select * from (select 'civil' as department, p.worker_id, p.id_number, null::varchar as name, null::text as sex, null::date as birth_date, p.household_code,
       null::text as poverty_status, null::varchar as cadre_name, null::varchar as cadre_account, $1::date as today from ${V}.person_place p) k`,
} as const;

/** The people of these households or with these worker keys (the feed), or the next page by worker key (the rebuild). */
export function readKnownPeople(
  sources: SourcePools,
  department: keyof typeof KNOWN_PEOPLE,
  filter: { codes: string[]; ids: string[] } | { after: string; limit: number },
  today: string,
): Promise<KnownPersonRow[]> {
  return 'codes' in filter
    ? rows<KnownPersonRow>(sources[department], `${KNOWN_PEOPLE[department]} where household_code = any($2::text[]) or worker_id = any($3::text[])`, [
        today,
        filter.codes,
        filter.ids,
      ])
    : rows<KnownPersonRow>(sources[department], `${KNOWN_PEOPLE[department]} where worker_id > $2 order by worker_id limit $3`, [today, filter.after, filter.limit]);
}

/** Registry members of these households (a household change re-projects its people). */
export async function readHouseholdMembers(sources: SourcePools, codes: string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(sources.hr, `select id from ${V}.worker where household_code = any($1::text[])`, [codes]);
  return found.map((row) => row.id);
}

/**
 * Keyset walk over the whole registry, for a rebuild, in household order (hr's index on
 * household_code, id): a household code starts with its village code, so the rebuilt rows lie
 * village by village and a township's rows are read from a few contiguous pages.
 */
export async function nextWorkerIds(sources: SourcePools, after: { household: string; id: string } | null, limit: number): Promise<{ household_code: string; id: string }[]> {
  return rows<{ household_code: string; id: string }>(
    sources.hr,
    after === null
      ? `select household_code, id from ${V}.worker order by household_code, id limit $1`
      : `select household_code, id from ${V}.worker where (household_code, id) > ($2, $3) order by household_code, id limit $1`,
    after === null ? [limit] : [limit, after.household, after.id],
  );
}

/** Small reference tables, copied whole. */
export const REFERENCE_SOURCES = {
  division: { department: 'hr', select: `select code, name, level, parent_code from ${V}.division` },
  // welfare_post_v2: with the days a post opened and closed (the indicators count posts open on the stock day).
  welfare_post: { department: 'hr', select: `select id, village_code, kind, annual_allowance, opened_on, closed_on from ${V}.welfare_post_v2` },
  institution: { department: 'training', select: `select id, name from ${V}.institution` },
  partner_city: { department: 'partner', select: `select code, name from ${V}.partner_city` },
} as const satisfies Record<string, { department: DepartmentName; select: string }>;
export type ReferenceTable = keyof typeof REFERENCE_SOURCES;

export async function readReference(sources: SourcePools, table: ReferenceTable): Promise<Record<string, unknown>[]> {
  const source = REFERENCE_SOURCES[table];
  return rows(sources[source.department], source.select, []);
}
