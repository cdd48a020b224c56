import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { INTERNAL_IDENTITY_HEADER, signInternalIdentity, SITUATION_SOURCE_SCHEMA, SUBGRAPH_NAMES } from '@jiuye/common';
import { AccessLogStore, startAuditService } from '@jiuye/gateway';
import { hrSubgraph } from '@jiuye/hr';
import { SITUATION_READS, SITUATION_SUPERSEDED, situationSubgraph } from '@jiuye/situation';
import {
  freshDatabaseUrl,
  postGraphQL,
  startTestSubgraph,
  TEST_INTERNAL_SIGNING_KEY,
  TEST_PSEUDONYM_KEY,
  testServerUrl,
  testSubgraphConfig,
  type TestSubgraph,
} from '@jiuye/testing/harness';
import { auditTestConfig, situationTestConfig } from '@jiuye/testing/platform';
import { seedDemoCounty } from '@jiuye/devtools';
import {
  grantAuditReads,
  grantSituationReads,
  provisionServiceRoles,
  roleOf,
  SERVICES as ROLE_SERVICES,
  type Service as RoleService,
  type ServiceDatabaseUrls,
} from '@jiuye/devtools/database-roles';

/**
 * Hole 1, the "Also": one superuser for every service means a hole in any one of them
 * (or its leaked URL) opens every department's database. npm start's embedded PostgreSQL gives
 * each service a role of its own (devtools/src/database-roles.ts); this runs the real services
 * and the read model's change feed under those roles, on databases seeded as npm start seeds them.
 */
jest.setTimeout(120_000);

describe('hole 1 (also): each service connects as a least-privilege role of its own (npm start)', () => {
  const prefix = `t${randomBytes(3).toString('hex')}_`;
  const databaseNames = {} as Record<RoleService, string>;
  const passwords = {} as Record<RoleService, string>;
  let urls: ServiceDatabaseUrls;
  let situation: TestSubgraph | undefined;

  /** What a statement as this URL's role gets: 'ok' or the SQLSTATE. */
  const attempt = async (url: string, sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query(sql, params);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? (error as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const superuser = (name: RoleService) => withName(testServerUrl(), databaseNames[name]);
  const withName = (server: string, database: string) => {
    const url = new URL(server);
    url.pathname = `/${database}`;
    return url.toString();
  };

  beforeAll(async () => {
    for (const service of ROLE_SERVICES) {
      databaseNames[service] = new URL(freshDatabaseUrl(service === 'gateway' ? 'audit' : service)).pathname.slice(1);
      passwords[service] = randomBytes(16).toString('hex');
    }
    const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, superuser(name)])) as Record<(typeof SUBGRAPH_NAMES)[number], string>;
    // As npm start: seeded (and the read model built) as the superuser, then handed over.
    await seedDemoCounty({ databaseUrls, pseudonymKey: TEST_PSEUDONYM_KEY, workers: 60, batchSize: 100 });
    urls = await provisionServiceRoles({ serverUrl: testServerUrl(), databases: databaseNames, rolePrefix: prefix, passwords });
    await grantSituationReads({ serverUrl: testServerUrl(), databases: databaseNames, rolePrefix: prefix });
  });
  afterAll(async () => {
    await situation?.stop();
    const admin = new Client({ connectionString: withName(testServerUrl(), 'postgres') });
    await admin.connect();
    for (const service of ROLE_SERVICES) await admin.query(`drop database if exists "${databaseNames[service]}" with (force)`);
    for (const service of ROLE_SERVICES) await admin.query(`drop role if exists "${roleOf(service, prefix)}"`);
    await admin.query(`drop owned by "${prefix}audit_reader"`).catch(() => undefined);
    await admin.query(`drop role if exists "${prefix}audit_reader"`);
    await admin.end();
  });

  it('no service role is a superuser or may create databases or roles', async () => {
    const admin = new Client({ connectionString: withName(testServerUrl(), 'postgres') });
    await admin.connect();
    const roles = (await admin.query(`select rolname, rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname like $1 order by 1`, [`${prefix}%`])).rows;
    await admin.end();
    expect(roles).toEqual(
      ROLE_SERVICES.map((service) => roleOf(service, prefix))
        .sort()
        .map((rolname) => ({ rolname, rolsuper: false, rolcreatedb: false, rolcreaterole: false })),
    );
  });

  it("a department's role reaches its own database only; a stranger's login reaches none", async () => {
    expect(await attempt(urls.own.hr, 'select count(*) from worker')).toBe('ok');
    const intoPoverty = new URL(urls.own.hr);
    intoPoverty.pathname = `/${databaseNames.poverty}`;
    expect(await attempt(intoPoverty.toString(), 'select 1')).toBe('42501');
    const intoAudit = new URL(urls.own.hr);
    intoAudit.pathname = `/${databaseNames.gateway}`;
    expect(await attempt(intoAudit.toString(), 'select 1')).toBe('42501');
  });

  it("the situation role reads the departments' published views, takes outbox rows and nothing else: no base tables, no writes", async () => {
    expect(await attempt(urls.situationSources.hr, `select id, name from ${SITUATION_SOURCE_SCHEMA}.worker limit 1`)).toBe('ok');
    // The department's own table behind the view: not even the columns the view publishes.
    expect(await attempt(urls.situationSources.hr, 'select id from worker limit 1')).toBe('42501');
    expect(await attempt(urls.situationSources.hr, 'select id from public.worker limit 1')).toBe('42501');
    expect(await attempt(urls.situationSources.civil, 'select worker_id from person_circumstance limit 1')).toBe('42501');
    expect(await attempt(urls.situationSources.partner, `select id from transfer where confirmation = 'PENDING' limit 1`)).toBe('42501');
    // Every view it reads, in every department.
    for (const [department, views] of Object.entries(SITUATION_READS) as [keyof typeof SITUATION_READS, readonly string[]][]) {
      for (const view of views) {
        expect({ view: `${department}.${view}`, result: await attempt(urls.situationSources[department], `select * from ${SITUATION_SOURCE_SCHEMA}."${view}" limit 1`) }).toEqual({
          view: `${department}.${view}`,
          result: 'ok',
        });
      }
    }
    // A superseded version it no longer reads (hr's welfare_post, without the days a post opened and closed): not granted.
    for (const [department, views] of Object.entries(SITUATION_SUPERSEDED) as [keyof typeof SITUATION_SUPERSEDED, readonly string[]][]) {
      for (const view of views) expect(await attempt(urls.situationSources[department], `select * from ${SITUATION_SOURCE_SCHEMA}."${view}" limit 1`)).toBe('42501');
    }
    expect(await attempt(urls.situationSources.hr, `update ${SITUATION_SOURCE_SCHEMA}.worker set name = name where false`)).toBe('42501');
    expect(await attempt(urls.situationSources.hr, `update worker set name = name where false`)).toBe('42501');
    expect(await attempt(urls.situationSources.hr, `insert into outbox (source) values ('x')`)).toBe('42501');
    expect(await attempt(urls.situationSources.poverty, `delete from household where false`)).toBe('42501');
    expect(await attempt(urls.situationSources.hr, `create view ${SITUATION_SOURCE_SCHEMA}.mine as select 1`)).toBe('42501');
    // The department owns its published schema and views (handed over with its tables).
    const admin = new Client({ connectionString: superuser('hr') });
    await admin.connect();
    try {
      const owners = (
        await admin.query<{ owner: string }>(
          `select distinct pg_get_userbyid(c.relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1
           union select pg_get_userbyid(nspowner) from pg_namespace where nspname = $1`,
          [SITUATION_SOURCE_SCHEMA],
        )
      ).rows.map((r) => r.owner);
      expect(owners).toEqual([roleOf('hr', prefix)]);
    } finally {
      await admin.end();
    }
  });

  it('the services run under their roles: hr migrates and answers, the read model follows hr through the outbox, the gateway keeps its log', async () => {
    const hr = await startTestSubgraph(hrSubgraph, testSubgraphConfig('hr', urls.own.hr));
    try {
      const response = await hr.query('{ division(code: "530113") { name } }');
      expect(response.errors).toBeUndefined();
      expect(response.data.division.name).toBeTruthy();
      const databaseUrls = { ...urls.situationSources, situation: urls.own.situation } as Record<(typeof SUBGRAPH_NAMES)[number], string>;
      situation = await startTestSubgraph(situationSubgraph, situationTestConfig(testSubgraphConfig('situation', urls.own.situation), databaseUrls));
      // A change in hr, by hr's role: its trigger writes the outbox; the read model's role takes it.
      const [{ id }] = await hr.sql<{ id: string }>('select id from worker order by id limit 1');
      await hr.sql(`update worker set verified_on = '2026-11-30' where id = ?`, [id]);
      const deadline = Date.now() + 20_000;
      let seen: { left: number; verifiedOn: string | null } = { left: -1, verifiedOn: null };
      while (Date.now() < deadline) {
        const left = (await hr.sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n;
        const [row] = await situation.sql<{ verified_on: string | null }>(`select to_char(verified_on, 'YYYY-MM-DD') as verified_on from person_situation where worker_id = ?`, [
          id,
        ]);
        seen = { left, verifiedOn: row?.verified_on ?? null };
        if (left === 0 && seen.verifiedOn === '2026-11-30') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(seen).toEqual({ left: 0, verifiedOn: '2026-11-30' });
    } finally {
      await hr.stop();
    }
    const log = await AccessLogStore.open(urls.own.gateway);
    try {
      // An append stages its entries in a temporary table: the gateway's role owns its database, so
      // PUBLIC losing TEMPORARY there does not stop it.
      const officer = { subject: 'roles-officer', department: 'hr' as const, role: 'officer' as const, region: '530113', permissions: [], requestId: 'roles-append' };
      expect(await log.append(officer, 'export', [{ subgraph: 'situation', workerId: 'roles-w1', villageCode: '530113001001', fields: ['export:姓名'] }])).toBe(1);
      expect(await log.verify()).toEqual({ ok: true, rows: 1, headSeq: 1 });
    } finally {
      await log.close();
    }
  });

  it("the audit service's role reads the access log and nothing else: no append, no other service's database", async () => {
    // The gateway's role has created the log (the test above); as npm start, the reader is granted after it.
    const log = await AccessLogStore.open(urls.own.gateway);
    await log.close();
    const reader = await grantAuditReads({ serverUrl: testServerUrl(), database: databaseNames.gateway, password: randomBytes(16).toString('hex'), rolePrefix: prefix });
    expect(new URL(reader).username).toBe(`${prefix}audit_reader`);
    expect(await attempt(reader, 'select count(*) from access_log')).toBe('ok');
    expect(await attempt(reader, 'select seq, hash from access_log_head')).toBe('ok');
    // 42501: insufficient privilege.
    expect(await attempt(reader, `insert into access_log_head (id, seq, hash) values (2, 0, repeat('0', 64))`)).toBe('42501');
    expect(await attempt(reader, 'select count(*) from access_log_migrations')).toBe('42501');
    expect(await attempt(reader, 'create table stolen (x int)')).toBe('42501');
    expect(await attempt(withName(reader, databaseNames.hr), 'select 1')).toBe('42501');
    // The audit service answers under that role.
    const audit = await startAuditService(auditTestConfig(reader));
    try {
      const token = await signInternalIdentity(
        { subject: 'auditor-1', department: 'auditor', role: 'viewer', permissions: [], requestId: 'roles-audit' },
        TEST_INTERNAL_SIGNING_KEY,
      );
      const answer = await postGraphQL(audit.url, '{ accessLogVerification { ok entries } }', undefined, { [INTERNAL_IDENTITY_HEADER]: token });
      expect(answer).toEqual({ data: { accessLogVerification: { ok: true, entries: 1 } } });
    } finally {
      await audit.stop();
    }
  });
});
