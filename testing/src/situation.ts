import pg from 'pg';
import { DEPARTMENT_NAMES, SUBGRAPH_NAMES, type Identity, type Purpose, type SituationConfig, type SubgraphName } from '@jiuye/common';
import { situationSubgraph } from '@jiuye/situation';
import { clientSql, forgetKeptViews, readModelTypes, recountVillages, VERSIONED_TABLES, writeHouseholds, type HouseholdRow, type PersonRow } from '@jiuye/situation/read-model';
import { migrateAll } from '@jiuye/devtools';
import { freshDatabaseUrl, gatewayHeaders, postGraphQL, startTestSubgraph, testSubgraphConfig, type GraphQLResponse, type TestSubgraph } from './harness';
import { situationTestConfig } from './platform';

/** A village, township and county of the demo county (东川区). */
export const TEST_COUNTY = '530113';
export const TEST_TOWNSHIP = '530113101';
export const TEST_VILLAGE = '530113101201';
export const OTHER_VILLAGE = '530113101202';

/** County staff of hr with a purpose: may read named people of the county. */
export const COUNTY_STAFF: Identity & { purpose: Purpose } = {
  subject: 'situation-test-officer',
  department: 'hr',
  role: 'officer',
  region: TEST_COUNTY,
  permissions: [],
  purpose: 'verification',
};

/** A dashboard account of the county: aggregates only. */
export const COUNTY_DASHBOARD: Identity & { purpose?: Purpose } = {
  subject: 'situation-test-dashboard',
  department: 'dashboard',
  role: 'viewer',
  region: TEST_COUNTY,
  permissions: [],
};

export interface SituationAlone {
  subgraph: TestSubgraph;
  /** A client on the situation database, to construct read-model rows directly. */
  db: pg.Client;
  /** Clients on the departments' (empty, migrated) databases. */
  departments: Record<(typeof DEPARTMENT_NAMES)[number], pg.Client>;
  queryAs<T = any>(identity: Identity & { purpose?: Purpose }, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The situation subgraph alone, over five empty (migrated) department databases, for tests
 * that construct read-model rows directly (rules, rankings, indicators). Its change feed runs;
 * rows inserted straight into the read model are left alone unless an outbox names them.
 */
export async function startSituationAlone(overrides: Partial<SituationConfig> = {}): Promise<SituationAlone> {
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<SubgraphName, string>;
  await migrateAll(urls);
  const config = situationTestConfig(testSubgraphConfig('situation', urls.situation), urls, overrides);
  const subgraph = await startTestSubgraph(situationSubgraph, config);
  const db = new pg.Client({ connectionString: urls.situation, types: readModelTypes });
  await db.connect();
  const departments = {} as SituationAlone['departments'];
  for (const name of DEPARTMENT_NAMES) {
    departments[name] = new pg.Client({ connectionString: urls[name], types: readModelTypes });
    await departments[name].connect();
  }
  return {
    subgraph,
    db,
    departments,
    queryAs: async (identity, text, variables) => postGraphQL(subgraph.url, text, variables, await gatewayHeaders(identity, config.internalSigningKey)),
    async stop() {
      await db.end();
      await Promise.all(Object.values(departments).map((client) => client.end()));
      await subgraph.stop();
    },
  };
}

let sequence = 0;

/** A person_situation row with plain defaults (an able, unemployed, unregistered worker of TEST_VILLAGE), overridden. */
export function personRow(overrides: Partial<PersonRow> = {}): PersonRow {
  sequence++;
  const id = `wtest${String(sequence).padStart(8, '0')}`;
  return {
    worker_id: id,
    id_number: `530113199001${String(sequence % 10000).padStart(4, '0')}10`,
    name: `测试${sequence}`,
    sex: 'MALE',
    birth_date: '1990-01-01',
    household_code: `${overrides.village_code ?? TEST_VILLAGE}${String(sequence % 10000).padStart(4, '0')}`,
    village_code: TEST_VILLAGE,
    population_status: 'AT_HOME',
    employment_status: 'UNEMPLOYED',
    employment_intention: 'LOCAL',
    skill_level: 'NONE',
    education: 'JUNIOR_HIGH',
    training_wish: null,
    verified_on: null,
    able_labourer: true,
    employment_id: null,
    employment_kind: null,
    employment_place: null,
    employer_name: null,
    employment_started_on: null,
    last_employment_ended_on: null,
    last_employment_end_reason: null,
    welfare_post_kind: null,
    poverty_status: null,
    poverty_status_since: null,
    assistance_kinds: [],
    assistance_since: null,
    left_behind: null,
    disability_kind: null,
    disability_grade: null,
    care_reasons: [],
    in_training: false,
    medium_term_completed_on: null,
    medium_term_institution_id: null,
    employed_after_training_on: null,
    certified_trades: [],
    transfer_id: null,
    transfer_city_code: null,
    transfer_started_on: null,
    transfer_ended_on: null,
    last_follow_up_on: null,
    last_follow_up_still_employed: null,
    last_action_on: null,
    last_action: null,
    last_action_department: null,
    ...overrides,
  };
}

/**
 * Inserts rows into a read-model table (column names = object keys). Rows written outside the
 * feed: the kept warnings and conflicts are forgotten (evaluated at query time until the next
 * full evaluation, which includes these rows).
 */
export async function insertRows(db: pg.ClientBase, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    await db.query(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
  }
  await forgetKeptViews(clientSql(db));
}

/** Inserts people and (re)computes their households' and villages' kept counts with the projector's own code. */
export async function insertPeople(db: pg.ClientBase, people: PersonRow[]): Promise<void> {
  await insertRows(db, 'person_situation', people as unknown as Record<string, unknown>[]);
  const codes = [...new Set(people.map((p) => p.household_code))];
  // The household's poverty status as its members carry it (the departments' databases are empty here).
  const poverty = codes.map((code) => ({
    code,
    poverty_status: people.find((p) => p.household_code === code && p.poverty_status !== null)?.poverty_status ?? null,
    status_since: null,
    cadre_name: null,
    cadre_phone: null,
    unit_name: null,
  }));
  // Constructed rows go further than the published view (a household without a poverty record, no
  // status date): writeHouseholds stores what it is given, nulls included.
  await writeHouseholds(db, codes, poverty as unknown as HouseholdRow[], false);
  await recountVillages(
    db,
    people.map((p) => p.village_code),
  );
  await forgetKeptViews(clientSql(db));
}

/**
 * Moves the read model's history back: what the versioned tables hold now has been valid since
 * `day` (China midnight), and the history begins then — so past periods read their stocks from
 * the history (indicators, indicatorSeries) as the rows constructed so far. Versions already
 * closed again by the setup's own recounts are dropped.
 */
export async function backdateHistory(db: pg.ClientBase, day: string): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await db.query(`delete from "${table}_version" where valid_to is not null`);
    await db.query(`update "${table}_version" set valid_from = $1::timestamptz`, [`${day}T00:00:00+08:00`]);
  }
  await db.query('update history_start set begins_at = $1::timestamptz', [`${day}T00:00:00+08:00`]);
}
