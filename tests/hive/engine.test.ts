import pg from 'pg';
import { SUBGRAPH_NAMES, type Identity, type SubgraphName } from '@jiuye/common';
import { AccessLogStore, type RunningGateway } from '@jiuye/gateway';
import { spawnService } from '@jiuye/testing/child-service';
import { closedPort, leaksIn, post, startGatewayOn, tinyServer, type RawResponse } from '@jiuye/testing/gateway';
import { freshDatabaseUrl, pseudonymOf } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, TEST_JWT, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hive Gateway with the plugin (hive-plugin/) as the engine: what only Hive can get wrong —
 * that it is Hive answering, the limits at its parse and validation, the access log written
 * from its subgraph answers (and the answer withheld when it cannot be), the lookup budget, and
 * its in-flight sharing kept off across callers. The rest of the security suite runs against
 * Hive in the other files of tests/hive/ (the same test files as ours, GATEWAY_ENGINE=hive).
 */
jest.setTimeout(240_000);

let platform: TestPlatform;
let store: AccessLogStore;
let person: { idNumber: string; workerId: string };

const WORKER = `query Person($id: String!) { worker(idNumber: $id) { id name phoneMasked employmentStatus } }`;

function statements(): Record<SubgraphName, number> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, platform.subgraphs[name].database.statements.total])) as Record<SubgraphName, number>;
}

beforeAll(async () => {
  platform = await startTestPlatform(150, {}, { engine: 'hive' });
  store = await AccessLogStore.open(platform.auditDatabaseUrl);
  const [row] = await platform.subgraphs.hr.sql<{ id_number: string }>('select id_number from worker order by village_code, id limit 1');
  person = { idNumber: row.id_number, workerId: pseudonymOf(row.id_number) };
});

afterAll(async () => {
  await store?.close();
  await platform?.stop();
});

describe('Hive Gateway with the plugin', () => {
  it('is Hive that answers (no /auth/config, which only our gateway serves), and starts in seconds', async () => {
    const base = platform.gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/auth/config`)).status).toBe(404);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const started = Date.now();
    const another = await startGatewayOn(platform, {}, undefined, 'hive');
    const startMs = Date.now() - started;
    try {
      const answer = await post(another.url, { query: `{ division(code: "${DEMO_COUNTY}") { name } }` });
      expect(answer.body.data.division.name).toBe('东川区');
    } finally {
      await another.stop();
    }
    console.log(`Hive Gateway with the plugin: started and listening in ${startMs} ms (modules already loaded)`);
    expect(startMs).toBeLessThan(15_000);
  });

  it('hive-plugin/dist/main.js runs as its own process on the same environment variables as our gateway', async () => {
    const service = spawnService('hive-plugin/dist/main.js', {
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, platform.subgraphs[name].url])),
      AUDIT_URL: platform.audit.url,
      AUDIT_DATABASE_URL: platform.auditDatabaseUrl,
      GATEWAY_PORT: '0',
      JWT_SECRET: TEST_JWT.secret,
      GATEWAY_MAX_DEPTH: '3',
    });
    try {
      const url = await service.ready();
      const answer = await post(url, { query: WORKER, variables: { id: person.idNumber } });
      expect(answer.body.data.worker.id).toBe(person.workerId);
      const rows = await store.find({ workerIds: [person.workerId], staff: COUNTY_OFFICER.subject, limit: 50 });
      expect(rows.map((row) => row.requestId)).toContain(answer.headers.get('x-request-id'));
      const deep = await post(url, { query: `{ worker(idNumber: "x") { household { members { name } } } }` });
      expect(deep.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', max: 3 });
      expect(service.output()).not.toContain(person.idNumber);
    } finally {
      await service.stop();
    }
  });

  it('answers a person read through the signed identity, logs it under its request id before it leaves, and never shows the departments’ report', async () => {
    const answer = await post(platform.gateway.url, { query: WORKER, variables: { id: person.idNumber } }, { 'x-request-id': 'client-correlation-1' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.worker).toMatchObject({ id: person.workerId, name: expect.any(String) });
    expect(answer.text).not.toContain('accessLog');
    const requestId = answer.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await store.find({ workerIds: [person.workerId], staff: COUNTY_OFFICER.subject, limit: 10 });
    const row = rows.find((candidate) => candidate.requestId === requestId);
    expect(row).toMatchObject({ department: 'hr', purpose: 'verification', operation: 'Person', correlationId: 'client-correlation-1', subgraphs: expect.arrayContaining(['hr']) });
    expect(row!.fields).toEqual(expect.arrayContaining(['Worker.name']));
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('refuses a person-level operation without a purpose, and to a dashboard, before any department is called', async () => {
    const before = statements();
    const noPurpose = await post(platform.gateway.url, { query: WORKER, variables: { id: person.idNumber } }, { 'x-purpose': '' });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.errors[0].extensions.code).toBe('PURPOSE_REQUIRED');
    const dashboard: Identity = { subject: 'hive-screen', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };
    const screen = await post(platform.gateway.url, { query: WORKER, variables: { id: person.idNumber } }, await userHeaders(dashboard));
    expect(screen.status).toBe(403);
    expect(screen.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(screen.body.data ?? null).toBeNull();
    expect(statements()).toEqual(before);
  });

  describe('the limits, before any department is called', () => {
    let strict: RunningGateway;
    beforeAll(async () => {
      strict = await startGatewayOn(platform, { limits: { maxDepth: 3, maxAliases: 1, maxTokens: 40, maxCost: 20, maxBatch: 1 } }, undefined, 'hive');
    });
    afterAll(() => strict?.stop());

    const refused = async (query: string, extensions: Record<string, unknown>, message: RegExp): Promise<RawResponse> => {
      const before = statements();
      const answer = await post(strict.url, { query });
      expect(answer.status).toBe(400);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors[0].extensions).toMatchObject(extensions);
      expect(answer.body.errors[0].message).toMatch(message);
      expect(statements()).toEqual(before);
      return answer;
    };

    it('depth, aliases, tokens and cost, each with its code and numbers', async () => {
      await refused(`{ worker(idNumber: "x") { household { members { name } } } }`, { code: 'QUERY_TOO_DEEP', limit: 'depth', max: 3, found: 4 }, /4 levels deep; at most 3/);
      await refused(`{ a: division(code: "530113") { name } b: division(code: "530113") { name } }`, { code: 'TOO_MANY_ALIASES', limit: 'aliases', max: 1, found: 2 }, /2 aliases/);
      await refused(`{ division(code: "530113") { ${'name '.repeat(40)} } }`, { code: 'TOO_MANY_TOKENS', limit: 'tokens', max: 40 }, /more than 40 tokens/);
      await refused(`{ workers(divisionCode: "530113") { nodes { name } } }`, { code: 'QUERY_TOO_COSTLY', limit: 'cost', max: 20, found: 52 }, /estimated cost is 52; at most 20/);
    });

    it('a query within them is answered', async () => {
      const answer = await post(strict.url, { query: `{ division(code: "530113") { name } }` });
      expect(answer.body).toEqual({ data: { division: { name: '东川区' } } });
    });
  });

  it('charges lookups by ID number against the account budget: RATE_LIMITED (429, Retry-After) before any department is called', async () => {
    const budgeted = await startGatewayOn(platform, { limits: { idLookupsPerMinute: 2 } }, undefined, 'hive');
    try {
      const prober: Identity = { subject: 'hive-prober', department: 'hr', role: 'officer', region: DEMO_COUNTY, permissions: [] };
      const headers = await userHeaders(prober);
      for (let i = 0; i < 2; i++) expect((await post(budgeted.url, { query: WORKER, variables: { id: person.idNumber } }, headers)).body.errors).toBeUndefined();
      const before = statements();
      const third = await post(budgeted.url, { query: WORKER, variables: { id: person.idNumber } }, headers);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(third.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'idLookups', max: 2 });
      expect(statements()).toEqual(before);
      // Every lookup that ran is in the log with its outcome, none of the refused one.
      const lookups = (await store.find({ staff: 'hive-prober', limit: 50 })).filter((row) => row.lookup !== null);
      expect(lookups.map((row) => row.lookup)).toEqual(['found', 'found']);
    } finally {
      await budgeted.stop();
    }
  });

  it('shares no subgraph answer between callers with different rights (in-flight dedupe off)', async () => {
    const revealer: Identity = { ...COUNTY_OFFICER, subject: 'hive-revealer' };
    const plain: Identity = { subject: 'hive-plain', department: 'hr', role: 'officer', region: DEMO_COUNTY, permissions: [] };
    const query = `query($id: String!) { worker(idNumber: $id) { idNumberMasked idNumber } }`;
    const [revealHeaders, plainHeaders] = await Promise.all([userHeaders(revealer), userHeaders(plain)]);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        post(platform.gateway.url, { query, variables: { id: person.idNumber } }, i % 2 ? plainHeaders : revealHeaders).then((answer) => ({ i, answer })),
      ),
    );
    for (const { i, answer } of answers) {
      if (i % 2) expect(answer.text).not.toContain(person.idNumber);
      else expect(answer.body.data.worker.idNumber).toBe(person.idNumber);
    }
  });

  it('masks what a department lets through (internal errors, an unreachable department): no URL, stack, SQL or ID number reaches the client', async () => {
    const leaky = await tinyServer((_body, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          data: null,
          errors: [
            {
              message: `insert into transfer (id_number) values ('${person.idNumber}') failed: connect ECONNREFUSED http://10.0.0.7:5432`,
              extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: boom', '    at Transfer.save (/srv/partner/dist/transfer.js:12:7)'] },
            },
          ],
        }),
      );
    });
    const gone = `http://127.0.0.1:${await closedPort()}/graphql`;
    const leakyGateway = await startGatewayOn(platform, { subgraphUrls: { partner: leaky.url } }, undefined, 'hive');
    const goneGateway = await startGatewayOn(platform, { subgraphUrls: { partner: gone } }, undefined, 'hive');
    try {
      const query = `query($id: String!) { worker(idNumber: $id) { name currentTransfer { city { code } } } }`;
      for (const gateway of [leakyGateway, goneGateway]) {
        const answer = await post(gateway.url, { query, variables: { id: person.idNumber } });
        expect(leaksIn(answer.text)).toEqual([]);
        expect(answer.body.data.worker.name).toEqual(expect.any(String));
        expect(answer.body.errors.length).toBeGreaterThan(0);
        for (const error of answer.body.errors) expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: answer.headers.get('x-request-id') });
      }
    } finally {
      await leakyGateway.stop();
      await goneGateway.stop();
      await leaky.close();
    }
  });

  it('in production: no introspection, no schema hints', async () => {
    const production = await startGatewayOn(platform, { environment: 'production' }, undefined, 'hive');
    try {
      const introspection = await post(production.url, { query: '{ __schema { types { name } } }' });
      expect(introspection.status).toBe(400);
      expect(introspection.body.data ?? null).toBeNull();
      expect(introspection.body.errors[0].message).toMatch(/introspection/i);
      const typo = await post(production.url, { query: '{ workers(divisionCode: "530113") { nodes { nam } } }' });
      expect(typo.body.errors[0].message).toBe('Cannot query field "nam" on type "Worker".');
    } finally {
      await production.stop();
    }
  });

  it('withholds the person-level answer when the access log cannot be written (ACCESS_LOG_UNAVAILABLE, 503), and keeps serving the rest', async () => {
    const auditDatabaseUrl = freshDatabaseUrl('audit');
    const gateway = await startGatewayOn(platform, { auditDatabaseUrl }, undefined, 'hive');
    const audit = new pg.Client({ connectionString: auditDatabaseUrl });
    await audit.connect();
    try {
      await audit.query(`alter table access_log add constraint refuse_all check (seq < 0) not valid`);
      const refusedAnswer = await post(gateway.url, { query: WORKER, variables: { id: person.idNumber } });
      expect(refusedAnswer.status).toBe(503);
      expect(refusedAnswer.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'ACCESS_LOG_UNAVAILABLE' }) })] });
      expect(refusedAnswer.text).not.toContain(person.idNumber);
      expect(refusedAnswer.text).not.toMatch(/refuse_all|constraint/);
      const division = await post(gateway.url, { query: `{ division(code: "${DEMO_COUNTY}") { name } }` });
      expect(division.body.data.division.name).toBe('东川区');
    } finally {
      await audit.end();
      await gateway.stop();
    }
  });
});
