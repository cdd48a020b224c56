import type pg from 'pg';
import { writeRelapseFacts } from '../monitoring/relapse-facts';
import { copyRows, type Columns } from '@jiuye/common';
import { projectPeople, type PersonRow } from './person';
import {
  readHouseholdFacts,
  readHouseholdMembers,
  readPovertyHouseholds,
  readReference,
  readWorkerFacts,
  REFERENCE_SOURCES,
  type ReferenceTable,
  type HouseholdRow,
  type SourcePools,
  type WorkerFacts,
} from './sources';

const PERSON_COLUMNS: Columns = [
  ['worker_id', 'varchar'],
  ['id_number', 'varchar'],
  ['name', 'varchar'],
  ['sex', 'text'],
  ['birth_date', 'date'],
  ['household_code', 'varchar'],
  ['village_code', 'varchar'],
  ['population_status', 'text'],
  ['employment_status', 'text'],
  ['employment_intention', 'text'],
  ['skill_level', 'text'],
  ['education', 'text'],
  ['training_wish', 'text'],
  ['verified_on', 'date'],
  ['able_labourer', 'boolean'],
  ['employment_id', 'int'],
  ['employment_kind', 'text'],
  ['employment_place', 'text'],
  ['employer_name', 'varchar'],
  ['employment_started_on', 'date'],
  ['last_employment_ended_on', 'date'],
  ['last_employment_end_reason', 'varchar'],
  ['welfare_post_kind', 'text'],
  ['poverty_status', 'text'],
  ['poverty_status_since', 'date'],
  ['assistance_kinds', 'text[]'],
  ['assistance_since', 'date'],
  ['left_behind', 'text'],
  ['disability_kind', 'text'],
  ['disability_grade', 'smallint'],
  ['care_reasons', 'text[]'],
  ['in_training', 'boolean'],
  ['medium_term_completed_on', 'date'],
  ['medium_term_institution_id', 'int'],
  ['employed_after_training_on', 'date'],
  ['certified_trades', 'text[]'],
  ['transfer_id', 'int'],
  ['transfer_city_code', 'varchar'],
  ['transfer_started_on', 'date'],
  ['transfer_ended_on', 'date'],
  ['last_follow_up_on', 'date'],
  ['last_follow_up_still_employed', 'boolean'],
  ['last_action_on', 'date'],
  ['last_action', 'varchar'],
  ['last_action_department', 'text'],
];

/** The dated events kept per worker, each from one kind of the departments' rows (WorkerFacts), stamped with the worker's village. */
const EVENT_TABLES: Record<string, { facts: Exclude<keyof WorkerFacts, 'workers' | 'civil' | 'careDuties' | 'certificates'>; columns: Columns }> = {
  employment_spell: {
    facts: 'employments',
    columns: [
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['kind', 'text'],
      ['place', 'text'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
    ],
  },
  transfer_spell: {
    facts: 'transfers',
    columns: [
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['city_code', 'varchar'],
      ['started_on', 'date'],
      ['ended_on', 'date'],
    ],
  },
  follow_up: {
    facts: 'followUps',
    columns: [
      ['id', 'int'],
      ['transfer_id', 'int'],
      ['worker_id', 'varchar'],
      ['visited_on', 'date'],
      ['still_employed', 'boolean'],
    ],
  },
  subsidy_paid: {
    facts: 'subsidies',
    columns: [
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['kind', 'text'],
      ['amount', 'int'],
      ['paid_on', 'date'],
    ],
  },
  training_enrolment: {
    facts: 'enrolments',
    columns: [
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['institution_id', 'int'],
      ['course_kind', 'text'],
      ['trade', 'text'],
      ['class_starts_on', 'date'],
      ['class_ends_on', 'date'],
      ['enrolled_on', 'date'],
      ['status', 'text'],
      ['completed_on', 'date'],
      ['employed_on', 'date'],
      ['funder', 'text'],
      ['funder_city_code', 'varchar'],
    ],
  },
  job_fair_intention: {
    facts: 'intentions',
    columns: [
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['fair_id', 'int'],
      ['reached_on', 'date'],
    ],
  },
  welfare_assignment: {
    facts: 'assignments',
    columns: [
      ['id', 'int'],
      ['post_id', 'int'],
      ['worker_id', 'varchar'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
    ],
  },
  // 一人一案: every department's service records, one timeline per person (service/).
  person_service: {
    facts: 'services',
    columns: [
      ['department', 'text'],
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['kind', 'text'],
      ['served_on', 'date'],
      ['staff_account', 'varchar'],
      ['outcome', 'text'],
      ['channel', 'text'],
      ['posting_source', 'text'],
      ['posting_ids', 'text[]'],
      ['course_id', 'int'],
      ['class_id', 'int'],
      ['case_status', 'text'],
      ['closed_on', 'date'],
    ],
  },
  record_verification: {
    facts: 'verifications',
    columns: [
      ['id', 'int'],
      ['worker_id', 'varchar'],
      ['village_code', 'varchar'],
      ['verified_on', 'date'],
      ['outcome', 'text'],
    ],
  },
};

const REFERENCE_TYPES: Record<ReferenceTable, Columns> = {
  division: [
    ['code', 'varchar'],
    ['name', 'varchar'],
    ['level', 'text'],
    ['parent_code', 'varchar'],
  ],
  welfare_post: [
    ['id', 'int'],
    ['village_code', 'varchar'],
    ['kind', 'text'],
    ['annual_allowance', 'int'],
    ['opened_on', 'date'],
    ['closed_on', 'date'],
  ],
  institution: [
    ['id', 'int'],
    ['name', 'varchar'],
  ],
  partner_city: [
    ['code', 'varchar'],
    ['name', 'varchar'],
  ],
};

/** Workers read and projected, not yet written (Projector.readWorkers). */
export interface ProjectedWorkers {
  ids: string[];
  /** Their households (in the departments' current rows). */
  codes: string[];
  people: PersonRow[];
  facts: WorkerFacts;
}

/** insert … select from jsonb_to_recordset: one statement per table per batch. */
async function insertRows(client: pg.ClientBase, table: string, columns: Columns, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  await client.query(`insert into "${table}" (${names}) select ${names} from jsonb_to_recordset($1::jsonb) as r(${types})`, [JSON.stringify(rows)]);
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * Keeps the read model equal to what the departments hold. One code path serves both the
 * incremental feed (the workers and households an outbox named) and the full rebuild (every
 * registry worker, in batches): re-read their facts from the departments, replace their rows.
 * Re-reading instead of applying each change makes a replay harmless (idempotent) and
 * independent of the order changes arrive in.
 */
export class Projector {
  /** Milliseconds spent per step of projectWorkers (read, project, write), summed over calls: a rebuild reports them. */
  readonly timings = { read: 0, project: 0, write: 0 };

  constructor(private readonly sources: SourcePools) {}

  /** Re-projects these workers (and the households they left or joined); returns the households touched. */
  async projectWorkers(client: pg.ClientBase, workerIds: readonly string[], today: string, options: { empty?: boolean } = {}): Promise<string[]> {
    const ids = unique(workerIds);
    if (ids.length === 0) return [];
    // In a rebuild the tables start empty: nothing to look up or delete first.
    const before = options.empty
      ? { rows: [] as { household_code: string }[] }
      : await client.query<{ household_code: string }>('select distinct household_code from person_situation where worker_id = any($1::text[])', [ids]);
    const read = await this.readWorkers(ids, today);
    await this.writeWorkers(client, read, options.empty ?? false);
    return unique([...before.rows.map((r) => r.household_code), ...read.codes]);
  }

  /**
   * The first half of projectWorkers: these workers' facts read from the departments and their
   * rows projected, nothing written (a rebuild reads the next batch while the last one is written).
   */
  async readWorkers(workerIds: readonly string[], today: string): Promise<ProjectedWorkers> {
    const ids = unique(workerIds);
    let mark = Date.now();
    const facts = await readWorkerFacts(this.sources, ids);
    const codes = unique(facts.workers.map((w) => w.household_code));
    const households = await readHouseholdFacts(this.sources, codes, today);
    this.timings.read += Date.now() - mark;
    mark = Date.now();
    const people = projectPeople(facts, households, today);
    this.timings.project += Date.now() - mark;
    return { ids, codes, people, facts };
  }

  /** The second half of projectWorkers: the projected rows replace these workers' rows (empty: the tables hold none of them). */
  async writeWorkers(client: pg.ClientBase, read: ProjectedWorkers, empty: boolean): Promise<void> {
    const mark = Date.now();
    await this.replacePeople(client, read.ids, read.people, read.facts, empty);
    this.timings.write += Date.now() - mark;
  }

  private async replacePeople(client: pg.ClientBase, ids: string[], people: PersonRow[], facts: WorkerFacts, empty: boolean): Promise<void> {
    if (!empty) {
      for (const table of ['person_situation', ...Object.keys(EVENT_TABLES)]) {
        await client.query(`delete from "${table}" where worker_id = any($1::text[])`, [ids]);
      }
    }
    // A rebuild (empty tables, many rows) loads with COPY; the feed's few rows go in one statement per table.
    const write = empty ? copyRows : insertRows;
    await write(client, 'person_situation', PERSON_COLUMNS, people);
    const village = new Map(people.map((p) => [p.worker_id, p.village_code]));
    const placed = (rows: readonly { worker_id: string }[]) => rows.filter((r) => village.has(r.worker_id)).map((r) => ({ ...r, village_code: village.get(r.worker_id) }));
    for (const [table, event] of Object.entries(EVENT_TABLES)) await write(client, table, event.columns, placed(facts[event.facts]));
  }

  /**
   * Re-projects households from their members' rows (already current) and poverty's status and
   * responsibility: members, able labourers, employed members, the last thing done for any member.
   */
  async projectHouseholds(client: pg.ClientBase, householdCodes: readonly string[], today: string, options: { empty?: boolean } = {}): Promise<void> {
    const codes = unique(householdCodes);
    if (codes.length === 0) return;
    // Assistance reaches households through their members' rows; only poverty's facts are read here.
    await writeHouseholds(client, codes, await readPovertyHouseholds(this.sources, codes, today), options.empty ?? false);
    await writeRelapseFacts(client, this.sources, codes, options.empty ?? false);
  }

  /** The registry members of households a department changed (poverty status, assistance …). */
  membersOf(householdCodes: readonly string[]): Promise<string[]> {
    return householdCodes.length ? readHouseholdMembers(this.sources, unique(householdCodes)) : Promise.resolve([]);
  }

  async copyReference(client: pg.ClientBase, table: ReferenceTable): Promise<void> {
    const rows = await readReference(this.sources, table);
    await client.query(`delete from "${table}"`);
    await insertRows(client, table, REFERENCE_TYPES[table], rows);
  }
}

/**
 * Writes households from their members' rows (already current) and poverty's status and
 * responsibility: members, able labourers, employed members, the latest end of a member's job,
 * the last thing done for any member (of members acting on the same day, the first by worker id: the
 * same rows always give the same household, and its action and department come from one member).
 */
export async function writeHouseholds(client: pg.ClientBase, codes: readonly string[], poverty: readonly HouseholdRow[], empty: boolean): Promise<void> {
  if (!empty) await client.query('delete from household_situation where code = any($1::text[])', [codes]);
  await client.query(
    `insert into household_situation (code, village_code, poverty_status, poverty_status_since, cadre_name, cadre_phone, cadre_account, unit_name,
                                        members, able_labourers, employed_members, last_employment_ended_on, last_action_on, last_action, last_action_department)
       select p.household_code, min(p.village_code), h.poverty_status, h.status_since, h.cadre_name, h.cadre_phone, h.cadre_account, h.unit_name,
              count(*), count(*) filter (where p.able_labourer), count(*) filter (where p.employment_status = 'EMPLOYED'),
              max(p.last_employment_ended_on), max(p.last_action_on),
              (array_agg(p.last_action order by p.last_action_on desc nulls last, p.worker_id))[1],
              (array_agg(p.last_action_department order by p.last_action_on desc nulls last, p.worker_id))[1]
         from person_situation p
         left join jsonb_to_recordset($2::jsonb) as h(code varchar, poverty_status text, status_since date, cadre_name varchar, cadre_phone varchar, cadre_account varchar, unit_name varchar)
           on h.code = p.household_code
        where p.household_code = any($1::text[])
        group by p.household_code, h.poverty_status, h.status_since, h.cadre_name, h.cadre_phone, h.cadre_account, h.unit_name`,
    [codes, JSON.stringify(poverty)],
  );
}

export const ALL_REFERENCE_TABLES = Object.keys(REFERENCE_SOURCES) as ReferenceTable[];
