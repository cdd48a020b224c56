import type { ClientBase } from 'pg';
import { addDays, divisionLevel, parentDivisionCode, type WelfarePostKind } from '@jiuye/common';
import { bulkInsert, resetSequences, type BulkColumn } from '../bulk';
import type { DemoHousehold, DemoReference } from '../demo';
import { seedWorkerId, type DepartmentSeeder, type SeedContext } from '../seeding';

const columns = (spec: string): BulkColumn[] =>
  spec.split(',').map((pair) => {
    const [name, type] = pair.trim().split(':');
    return { name, type };
  });

const DIVISION = columns('code:text, name:text, level:text, parent_code:text');
const EMPLOYER = columns('id:int, name:text, kind:text, division_code:text, credit_code:text, certified_on:date, kept_by_code:text');
const JOB_POSTING = columns(
  'id:int, employer_id:int, title:text, required_trade:text, min_education:text, threshold:text, skills:text, monthly_wage_min:int, monthly_wage_max:int, place:text, location:text, headcount:int, open_from:date, open_until:date',
);
const JOB_FAIR = columns('id:int, name:text, held_on:date, division_code:text, online:boolean, venue:text, organiser:text');
const WELFARE_POST = columns('id:int, kind:text, village_code:text, title:text, annual_allowance:int, managing_department:text, funding_source:text, opened_on:date');

/** Kinds the county certifies (认定), certified from the first workshops on (March 2017), spread by id. */
const CERTIFIED_KINDS = new Set(['POVERTY_WORKSHOP', 'VILLAGE_FACTORY', 'ASSISTANCE_BASE']);
const certifiedOn = (id: number) => addDays('2017-03-01', (id * 37) % 1000);
/** Who manages and who pays each kind of public-welfare post (Seda: 住建、交通、林草、农牧、水利、文旅 develop them). */
const POST_MANAGEMENT: Record<WelfarePostKind, [string, string]> = {
  CLEANING: ['住建局', 'LINKAGE_FUND'],
  FOREST_RANGER: ['林草局', 'SECTOR_FUND'],
  ROAD_MAINTENANCE: ['交通运输局', 'SECTOR_FUND'],
  SECURITY_PATROL: ['乡镇人民政府', 'EMPLOYMENT_FUND'],
  LEFT_BEHIND_CARE: ['民政局', 'EMPLOYMENT_FUND'],
  INFRASTRUCTURE_CARETAKER: ['水务局', 'LINKAGE_FUND'],
  CULTURE: ['文化和旅游局', 'COUNTY_BUDGET'],
  OFFICE_SERVICE: ['乡镇人民政府', 'EMPLOYMENT_FUND'],
};
/** The demo's posts were opened with the first holdings (demo/tables.ts WELFARE_POSTS_SINCE). */
const POSTS_OPENED_ON = '2017-01-01';
const WORKER = columns(
  'id:text, id_number:text, name:text, sex:text, birth_date:date, phone:text, household_code:text, village_code:text, population_status:text, employment_status:text, employment_intention:text, skill_level:text, training_wish:text, education:text, verified_on:date',
);
const EMPLOYMENT = columns('id:int, worker_id:text, employer_id:int, employer_name:text, kind:text, place:text, location:text, starts_on:date, ends_on:date, monthly_wage:int');
const ASSIGNMENT = columns('post_id:int, worker_id:text, employment_id:int, starts_on:date, ends_on:date');
const SUBSIDY = columns('id:int, worker_id:text, kind:text, amount:int, paid_on:date');
const INTENTION = columns('fair_id:int, worker_id:text, posting_id:int, reached_on:date');

/** Tables with serial ids, moved past the seeded ids at the end. */
const SERIAL_TABLES = ['employer', 'job_posting', 'job_fair', 'welfare_post', 'employment', 'welfare_post_assignment', 'subsidy_payment', 'job_fair_intention'];

/**
 * 人社's part of the demo county: the division catalogue, employers, postings, fairs and
 * welfare posts (reference); per household, every member in the labour registry with their
 * employments, welfare-post holdings, subsidies and job-fair intentions. One INSERT … unnest
 * statement per table per batch, with the demo's own ids where it has them.
 */
export const hrSeeder: DepartmentSeeder<DemoReference, DemoHousehold> = {
  name: 'hr',
  // job_fair_employer and job_fair_posting are not seeded (the demo's fairs list no participants) but are emptied with the rest on a reseed.
  tables: [
    'division',
    'worker',
    'employer',
    'employment',
    'job_posting',
    'job_fair',
    'job_fair_intention',
    'job_fair_employer',
    'job_fair_posting',
    'welfare_post',
    'welfare_post_assignment',
    'subsidy_payment',
  ],

  async seedReference(client: ClientBase, reference: DemoReference): Promise<void> {
    const divisions = [reference.province, reference.city, reference.county, ...reference.townships, ...reference.villages];
    await bulkInsert(
      client,
      'division',
      DIVISION,
      divisions.map((d) => [d.code, d.name, divisionLevel(d.code), parentDivisionCode(d.code)]),
    );
    await bulkInsert(
      client,
      'employer',
      EMPLOYER,
      reference.employers.map((e) => [
        e.id,
        e.name,
        e.kind,
        e.divisionCode,
        e.creditCode,
        CERTIFIED_KINDS.has(e.kind) ? certifiedOn(e.id) : null,
        // Firms outside the county are kept by the county's office.
        e.divisionCode.startsWith(reference.county.code) ? null : reference.county.code,
      ]),
    );
    await bulkInsert(
      client,
      'job_posting',
      JOB_POSTING,
      reference.jobPostings.map((p) => [
        p.id,
        p.employerId,
        p.title,
        p.requiredTrade,
        p.minEducation,
        p.threshold,
        p.skills,
        p.monthlyWageMin,
        p.monthlyWageMax,
        p.place,
        p.location,
        p.headcount,
        p.openFrom,
        p.openUntil,
      ]),
    );
    await bulkInsert(
      client,
      'job_fair',
      JOB_FAIR,
      reference.jobFairs.map((f) => {
        const township = reference.townships.find((t) => t.code === f.divisionCode);
        const venue = f.online ? null : township ? `${township.name}人民政府广场` : `${reference.county.name}人力资源市场`;
        const organiser = township ? `${township.name}人民政府` : `${reference.county.name}人力资源和社会保障局`;
        return [f.id, f.name, f.heldOn, f.divisionCode, f.online, venue, organiser];
      }),
    );
    await bulkInsert(
      client,
      'welfare_post',
      WELFARE_POST,
      reference.welfarePosts.map((p) => [p.id, p.kind, p.villageCode, p.title, p.annualAllowance, ...POST_MANAGEMENT[p.kind], POSTS_OPENED_ON]),
    );
  },

  async seedHouseholds(client: ClientBase, households: DemoHousehold[], context: SeedContext): Promise<number> {
    const workers: unknown[][] = [];
    const employments: unknown[][] = [];
    const assignments: unknown[][] = [];
    const subsidies: unknown[][] = [];
    const intentions: unknown[][] = [];
    for (const household of households) {
      for (const person of household.members) {
        if (!person.inLabourRegistry) continue;
        const workerId = seedWorkerId(person.idNumber, context);
        workers.push([
          workerId,
          person.idNumber,
          person.name,
          person.sex,
          person.birthDate,
          person.phone,
          household.code,
          household.villageCode,
          person.populationStatus,
          person.employmentStatus,
          person.employmentIntention,
          person.skillLevel,
          person.trainingWish,
          person.education,
          person.verifiedOn,
        ]);
        for (const e of person.employments) {
          employments.push([e.id, workerId, e.employerId, e.employerName, e.kind, e.place, e.location, e.startsOn, e.endsOn, e.monthlyWage]);
        }
        const holding = person.welfarePost;
        if (holding) {
          // The holding's employment: the PUBLIC_WELFARE_POST spell that starts the same day.
          const employment = person.employments.find((e) => e.kind === 'PUBLIC_WELFARE_POST' && e.startsOn === holding.startsOn);
          assignments.push([holding.postId, workerId, employment?.id ?? null, holding.startsOn, holding.endsOn]);
        }
        for (const s of person.subsidies) subsidies.push([s.id, workerId, s.kind, s.amount, s.paidOn]);
        for (const i of person.jobFairIntentions) intentions.push([i.fairId, workerId, i.postingId, i.reachedOn]);
      }
    }
    // One client, one statement at a time (pg queues concurrent queries, and deprecates doing so).
    let written = await bulkInsert(client, 'worker', WORKER, workers);
    written += await bulkInsert(client, 'employment', EMPLOYMENT, employments);
    written += await bulkInsert(client, 'welfare_post_assignment', ASSIGNMENT, assignments);
    written += await bulkInsert(client, 'subsidy_payment', SUBSIDY, subsidies);
    written += await bulkInsert(client, 'job_fair_intention', INTENTION, intentions);
    return written;
  },

  async finish(client: ClientBase): Promise<void> {
    await resetSequences(client, SERIAL_TABLES);
    await client.query(`analyze ${hrSeeder.tables.map((t) => `"${t}"`).join(', ')}`);
  },
};
