import pg from 'pg';
import { addDays, SUBGRAPH_NAMES, todayInChina, withDatabase, type SubgraphName } from '@jiuye/common';
import { situationSubgraph } from '@jiuye/situation';
import { migrateAll } from '@jiuye/devtools';
import { freshDatabaseUrl, gatewayHeaders, postGraphQL, startTestSubgraph, testServerUrl, testSubgraphConfig, type TestSubgraph } from '@jiuye/testing/harness';
import { closedPort } from '@jiuye/testing/gateway';
import { situationTestConfig } from '@jiuye/testing/platform';
import { COUNTY_STAFF, insertPeople, insertRows, personRow, TEST_COUNTY, TEST_TOWNSHIP, TEST_VILLAGE } from '@jiuye/testing/situation';

/**
 * SITUATION_READ_DATABASE_URL: the read model's GraphQL queries read from a read replica; its
 * mutations write (and read what they wrote) on the primary. The "replica" here is a copy of the
 * primary made with CREATE DATABASE … TEMPLATE, read-only for every session, and told apart from
 * the primary by one person's name changed in the copy — a real PostgreSQL, not a stand-in
 * (streaming replication itself is PostgreSQL's, and is set up in docs/province/).
 */
jest.setTimeout(120_000);

const today = todayInChina();
const person = personRow({
  employment_status: 'EMPLOYED',
  employment_id: 31,
  employment_kind: 'LOCAL_ENTERPRISE',
  employment_place: 'IN_COUNTY',
  employer_name: '东川某建材公司',
  employment_started_on: addDays(today, -20),
  transfer_id: 41,
  transfer_city_code: '4403',
  transfer_started_on: addDays(today, -40),
});
const CONFLICT = `EMPLOYED_LOCALLY_VS_PARTNER_CITY:${person.worker_id}`;
const CONFLICTS = `{ conflicts(region: "${TEST_COUNTY}", first: 10) { nodes { id status person { name } } } }`;
const RESOLVE = `mutation R($input: ResolveConflictInput!) { resolveConflict(input: $input) { id status person { name } resolution { note } } }`;

let urls: Record<SubgraphName, string>;
let replicaUrl: string;
let situation: TestSubgraph;

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<SubgraphName, string>;
  await migrateAll(urls);
  // Started once alone, so that it has built its (empty) model and will not rebuild it over the rows below.
  await (await startTestSubgraph(situationSubgraph, situationTestConfig(testSubgraphConfig('situation', urls.situation), urls))).stop();
  const primary = new pg.Client({ connectionString: urls.situation });
  await primary.connect();
  try {
    await insertRows(primary, 'division', [
      { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
      { code: TEST_TOWNSHIP, name: '测试镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      { code: TEST_VILLAGE, name: '测试一村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
    ]);
    await insertRows(primary, 'partner_city', [{ code: '4403', name: '深圳市' }]);
    await insertPeople(primary, [person]);
  } finally {
    await primary.end();
  }
  // The copy, while nothing is connected to the primary; then marked, then read-only for every session.
  const primaryName = new URL(urls.situation).pathname.slice(1);
  const replicaName = `${primaryName}_replica`;
  await sql(withDatabase(testServerUrl(), 'postgres'), `create database "${replicaName}" template "${primaryName}"`);
  replicaUrl = withDatabase(urls.situation, replicaName);
  await sql(replicaUrl, `update person_situation set name = '副本中的名字' where worker_id = $1`, [person.worker_id]);
  await sql(withDatabase(testServerUrl(), 'postgres'), `alter database "${replicaName}" set default_transaction_read_only = on`);
  situation = await startTestSubgraph(situationSubgraph, situationTestConfig(testSubgraphConfig('situation', urls.situation), urls, { readDatabaseUrl: replicaUrl }));
});

afterAll(async () => {
  await situation?.stop();
});

const ask = async (query: string, variables?: Record<string, unknown>) =>
  postGraphQL(situation.url, query, variables, await gatewayHeaders(COUNTY_STAFF, situation.config.internalSigningKey));

describe('the read model with a read replica (SITUATION_READ_DATABASE_URL)', () => {
  it('answers GraphQL queries from the replica', async () => {
    const answer = await ask(CONFLICTS);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.conflicts.nodes).toEqual([{ id: CONFLICT, status: 'OPEN', person: { name: '副本中的名字' } }]);
    // The primary still has the name it was given: the answer came from the copy.
    expect((await sql<{ name: string }>(urls.situation, 'select name from person_situation where worker_id = $1', [person.worker_id]))[0].name).toBe(person.name);
  });

  it('writes a mutation on the primary and answers it from there; the replica is never written', async () => {
    const resolved = await ask(RESOLVE, { input: { conflictId: CONFLICT, note: '已电话核实' } });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveConflict).toMatchObject({ id: CONFLICT, status: 'RESOLVED', person: { name: person.name }, resolution: { note: '已电话核实' } });
    expect(await sql(urls.situation, 'select conflict_id, note from conflict_resolution')).toEqual([expect.objectContaining({ conflict_id: CONFLICT, note: '已电话核实' })]);
    expect(await sql(replicaUrl, 'select conflict_id from conflict_resolution')).toEqual([]);
  });

  it('with the replica unreachable: ready, queries answer SUBGRAPH_UNAVAILABLE naming the database, nothing else is affected', async () => {
    const port = await closedPort();
    const alone = await startTestSubgraph(
      situationSubgraph,
      situationTestConfig(testSubgraphConfig('situation', urls.situation), urls, { readDatabaseUrl: `postgres://nobody:nothing@127.0.0.1:${port}/jiuye_situation` }),
    );
    try {
      expect((await fetch(new URL('/ready', alone.url))).status).toBe(200);
      const answer = await postGraphQL(alone.url, CONFLICTS, undefined, await gatewayHeaders(COUNTY_STAFF, alone.config.internalSigningKey));
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
      expect(JSON.stringify(answer)).not.toContain(String(port));
    } finally {
      await alone.stop();
    }
  });
});
