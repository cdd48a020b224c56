import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serviceUrl, withDatabase } from '@jiuye/common';
import { freePort } from '@jiuye/devtools';
import { pseudonymOf } from '@jiuye/testing/harness';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { leaksIn, post } from '@jiuye/testing/gateway';
import { sqlAt, startPostgresProcess, until, type PostgresProcess } from '@jiuye/testing/child-service';

/**
 * A department's database unreachable: civil's database on a PostgreSQL of its own, stopped
 * while everything runs and started again. Its fields come back empty with SUBGRAPH_UNAVAILABLE,
 * quickly; the other departments answer; the read model holds still and its lag shows it; when
 * the database returns, every service reconnects by itself and the model catches up.
 */
const WORKER = /* GraphQL */ `
  query ($id: String!) {
    worker(idNumber: $id) {
      name
      employmentStatus
      povertyStatus
      leftBehind
      disability {
        kind
        grade
      }
    }
  }
`;
const CIVIL_FIELDS = ['leftBehind', 'disability'];
const FRESHNESS = `{ situationFreshness { departments { department lagSeconds } } }`;

describe("a department's database unreachable", () => {
  let directory: string;
  let port: number;
  let civilServer: PostgresProcess;
  let civilUrl: string;
  let platform: TestPlatform;
  let idNumber: string;
  let healthy: Record<string, any>;
  let workerId: string;

  const startCivilServer = async () => {
    civilServer = await startPostgresProcess(path.join(directory, 'data'), port);
  };
  const skillInReadModel = async (): Promise<string | undefined> =>
    (await sqlAt<{ skill_level: string }>(platform.subgraphs.situation.config.databaseUrl, 'select skill_level from person_situation where worker_id = $1', [workerId]))[0]
      ?.skill_level;
  /** jiuye_read_model_source_unreachable per department, from the situation service's own scrape. */
  const unreachable = async (): Promise<Record<string, number>> => {
    const text = await (await fetch(serviceUrl(platform.subgraphs.situation.url, '/metrics'))).text();
    const found: Record<string, number> = {};
    for (const [, labels, value] of text.matchAll(/^jiuye_read_model_source_unreachable\{([^}]*)\} (\d+)$/gm)) found[/department="(\w+)"/.exec(labels)![1]] = Number(value);
    return found;
  };
  const lag = async (department: string): Promise<number> => {
    const response = await platform.query(FRESHNESS);
    return response.data.situationFreshness.departments.find((d: { department: string }) => d.department === department).lagSeconds;
  };

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'jiuye-civil-pg-'));
    port = await freePort();
    await startCivilServer();
    civilUrl = withDatabase(civilServer.serverUrl, 'civil_elsewhere');
    platform = await startTestPlatform(100, {}, { databaseUrls: { civil: civilUrl } });
    const county = platform.county.reference.county.code;
    const page = await platform.query(`{ workers(divisionCode: "${county}", first: 100) { nodes { id disability { grade } leftBehind } } }`);
    const chosen = page.data.workers.nodes.find((n: { disability: unknown; leftBehind: unknown }) => n.disability || n.leftBehind);
    idNumber = idNumberOf(platform, chosen.id);
    const response = await platform.query(WORKER, { id: idNumber });
    expect(response.errors).toBeUndefined();
    healthy = response.data.worker;
  });
  afterAll(async () => {
    await platform?.stop();
    await civilServer?.stop().catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
  });

  it('while it is down: its fields are empty with SUBGRAPH_UNAVAILABLE, quickly; the others answer; the read model holds still and shows its lag', async () => {
    expect(await lag('civil')).toBeLessThan(2);
    // Someone in hr changes a record meanwhile: its outbox row waits for the read model.
    workerId = pseudonymOf(idNumber);
    await platform.subgraphs.hr.sql(`update worker set skill_level = 'TECHNICIAN' where id = ?`, [workerId]);
    await civilServer.stop();
    const started = Date.now();
    const response = await post(platform.gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.body.data.worker).toEqual({ ...healthy, ...Object.fromEntries(CIVIL_FIELDS.map((field) => [field, null])) });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0]).toMatchObject({
      message: 'the 民政 civil affairs department (civil) cannot reach its database; its fields are empty in this answer, try again shortly',
      path: ['worker'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'civil', reason: 'DATABASE_UNAVAILABLE' },
    });
    expect(leaksIn(response.text)).toEqual([]);
    // The department's own readiness says so; the gateway's other departments keep answering.
    expect((await fetch(serviceUrl(platform.subgraphs.civil.url, '/ready'))).status).toBe(503);
    const hrOnly = await platform.query(`query($id: String!) { worker(idNumber: $id) { name employmentStatus } }`, { id: idNumber });
    expect(hrOnly.errors).toBeUndefined();
    expect(hrOnly.data.worker.name).toBe(healthy.name);
    // The read model cannot re-project a worker without every department's facts: it holds
    // still (the hr change waits in hr's outbox) and its lag grows, for civil as for the rest.
    await until('the lag to show the outage', async () => (await lag('civil')) >= 3, 15_000, 200);
    expect(await skillInReadModel()).not.toBe('TECHNICIAN');
    expect((await platform.subgraphs.hr.sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n).toBeGreaterThan(0);
    // Every department's lag grows alike; this says which one the read model waits for.
    expect(await unreachable()).toEqual({ hr: 0, poverty: 0, civil: 1, training: 0, partner: 0 });
  });

  it('when it returns: every service reconnects by itself, the answer is whole again, and the read model catches up', async () => {
    await startCivilServer();
    await until(
      'the whole answer again',
      async () => {
        const response = await platform.query(WORKER, { id: idNumber });
        return response.errors === undefined && JSON.stringify(response.data.worker) === JSON.stringify(healthy);
      },
      20_000,
      200,
    );
    expect((await fetch(serviceUrl(platform.subgraphs.civil.url, '/ready'))).status).toBe(200);
    await until('the read model to catch up', async () => (await lag('civil')) < 2 && (await skillInReadModel()) === 'TECHNICIAN', 20_000, 200);
    expect((await platform.subgraphs.hr.sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n).toBe(0);
    expect(await unreachable()).toEqual({ hr: 0, poverty: 0, civil: 0, training: 0, partner: 0 });
    // The feed listens to civil's outbox again (NOTIFY, not only the poll).
    await until(
      'the feed to listen to civil again',
      async () => (await sqlAt(civilUrl, `select 1 from pg_stat_activity where datname = current_database() and query = 'listen jiuye_outbox'`)).length === 1,
      15_000,
      200,
    );
  });
});

/** The ID number behind a worker's pseudonym, from the seeded demo county. */
function idNumberOf(platform: TestPlatform, workerId: string): string {
  for (const batch of platform.county.households(500)) {
    for (const household of batch) {
      for (const member of household.members) if (pseudonymOf(member.idNumber) === workerId) return member.idNumber;
    }
  }
  throw new Error('worker not in the demo county');
}
