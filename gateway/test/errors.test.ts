import type { RunningGateway } from '@jiuye/gateway';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { captureLog, leaksIn, post, startGatewayOn, tinyServer, type CapturedLog, type TinyServer } from '@jiuye/testing/gateway';

/**
 * What a client sees of an error: enough to act on it or to quote it to the operators (the
 * request id), never where the platform runs or how it fails inside. The operators' log has
 * the whole error under the same id.
 */
const ID_NUMBER = '110105194912310021';
const WORKER = /* GraphQL */ `
  query ($id: String!) {
    worker(idNumber: $id) {
      name
      household {
        code
      }
      currentTransfer {
        employerName
      }
      retained
    }
  }
`;

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform(100);
});
afterAll(() => platform?.stop());

describe('gateway error masking', () => {
  let leakyPartner: TinyServer;
  let gateway: RunningGateway;
  let log: CapturedLog;
  /** What the fake partner subgraph answers next. */
  let answer: { status: number; contentType: string; body: string };

  const sample = () => platform.county.sampleIdNumbers()[0].idNumber;

  beforeAll(async () => {
    leakyPartner = await tinyServer((_body, response) => {
      response.statusCode = answer.status;
      response.setHeader('content-type', answer.contentType);
      response.end(answer.body);
    });
    log = captureLog();
    gateway = await startGatewayOn(platform, { subgraphUrls: { partner: leakyPartner.url } }, log.logger);
  });
  afterAll(async () => {
    await gateway?.stop();
    await leakyPartner?.close();
  });

  function graphqlAnswer(errors: unknown[]) {
    answer = { status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors }) };
  }

  it('masks an internal error a department lets through, and logs it in full under the request id', async () => {
    graphqlAnswer([
      {
        message: `insert into transfer (id_number) values ('${ID_NUMBER}') failed: connect ECONNREFUSED http://10.0.0.7:5432`,
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: boom', '    at Transfer.save (/srv/partner/dist/transfer.js:12:7)'] },
      },
    ]);
    const response = await post(gateway.url, { query: WORKER, variables: { id: sample() } });
    expect(leaksIn(response.text)).toEqual([]);
    const requestId = response.headers.get('x-request-id');
    expect(response.body.data.worker.name).toEqual(expect.any(String));
    expect(response.body.errors).toEqual([{ message: 'Internal error; quote the request id to the operators', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);

    const logged = log.lines.find((line) => line.requestId === requestId && line.level === 50);
    expect(logged).toBeDefined();
    expect(logged!.serviceName).toBe('partner');
    expect(logged!.error).toContain('insert into transfer');
    expect(logged!.error).toContain('[id-number]');
    expect(JSON.stringify(log.lines)).not.toContain(ID_NUMBER);
  });

  it("passes a user-facing error through, without the operators' extensions", async () => {
    graphqlAnswer([
      {
        message: 'transfer: the batch is closed',
        path: ['_entities', 0, 'currentTransfer'],
        extensions: { code: 'CONFLICT', field: 'transfer', stacktrace: ['    at x (/srv/a.js:1:1)'], exception: { stacktrace: ['    at y'] } },
      },
    ]);
    const response = await post(gateway.url, { query: WORKER, variables: { id: sample() } });
    expect(leaksIn(response.text)).toEqual([]);
    const [error] = response.body.errors;
    expect(error.message).toBe('transfer: the batch is closed');
    expect(error.extensions).toEqual({ code: 'CONFLICT', field: 'transfer', serviceName: 'partner', requestId: response.headers.get('x-request-id') });
  });

  it.each([
    [
      'a server error page with a stack trace',
      500,
      'text/html',
      `<pre>Error: relation "transfer" does not exist\n    at Query.run (/srv/node_modules/pg/lib/query.js:1:1)\nselect * from transfer where id_number = '${ID_NUMBER}'</pre>`,
      'HTTP_500',
    ],
    ['a refusal that @apollo/gateway would report with the subgraph URL', 401, 'application/json', '{"error":"no token"}', 'HTTP_401'],
    ['a body that is not JSON', 200, 'application/json', 'select 1; -- not json', 'BAD_RESPONSE'],
  ])('reports %s as the department being unavailable, naming neither URL nor internals', async (_what, status, contentType, body, reason) => {
    answer = { status, contentType, body };
    const response = await post(gateway.url, { query: WORKER, variables: { id: sample() } });
    expect(leaksIn(response.text)).toEqual([]);
    expect(response.body.data.worker.name).toEqual(expect.any(String));
    expect(response.body.data.worker.currentTransfer).toBeNull();
    const [error] = response.body.errors;
    expect(error.message).toMatch(/^the 东西部协作 partner cities department \(partner\) .*; its fields are empty in this answer$/);
    expect(error.path).toEqual(['worker']);
    expect(error.extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      department: 'partner',
      reason,
      fields: ['currentTransfer', 'retained'],
      requestId: response.headers.get('x-request-id'),
    });
    // The log has what the client does not: the address and the cause.
    const logged = log.lines.find((line) => line.requestId === response.headers.get('x-request-id') && line.department === 'partner');
    expect(logged?.reason).toBe(reason);
  });

  it('gives its own request id, never the one the client sent (that is only a correlation id), in the header and in every error', async () => {
    const response = await post(gateway.url, { query: WORKER, variables: { id: '11010519491231002x' } }, { 'x-request-id': 'county-office-42' });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The real hr subgraph refuses the ID number; its error passes through unchanged (and without the number).
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LOWERCASE_X', requestId });
    expect(leaksIn(response.text)).toEqual([]);
  });

  it('scrubs an ID number a client sent from the errors it gets back', async () => {
    // graphql's own error for a variable of the wrong type quotes the value.
    const query = 'query($first: Int!) { workers(divisionCode: "530113", first: $first) { totalCount } }';
    const response = await post(gateway.url, { query, variables: { first: ID_NUMBER } });
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors[0].message).toContain('[id-number]');
    expect(response.text).not.toContain(ID_NUMBER);
  });

  it('adds the request id to errors Apollo Server answers before a request starts', async () => {
    const response = await post(gateway.url, { query: 42 });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: response.headers.get('x-request-id') });
  });

  it('passes on what a department says when it refuses its input with HTTP 400, not an outage', async () => {
    // DivisionCode is checked by the hr subgraph's scalar: hr answers 400 with a GraphQL error.
    const response = await post(platform.gateway.url, { query: '{ workers(divisionCode: "5301131") { nodes { name } } }' });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].message).toMatch(/a division code has 2 \(province\).*this one has 7/);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', serviceName: 'hr' });
  });

  it("scans every error body of the platform's own gateway clean", async () => {
    const bodies = await Promise.all(
      [
        { query: '{ worker(idNumber: "1") { name ' },
        { query: '{ worker(idNumber: "11010519491231002X") { name } }' },
        { query: WORKER, variables: { id: '110105194912310021' } },
        { query: '{ workers(divisionCode: "5301131") { nodes { name } } }' },
        { query: '{ nosuchfield }' },
      ].map((body) => post(platform.gateway.url, body)),
    );
    for (const response of bodies) {
      expect({ body: response.text, errors: response.body.errors?.length > 0 }).toEqual({ body: response.text, errors: true });
      expect({ body: response.text, leaks: leaksIn(response.text) }).toEqual({ body: response.text, leaks: [] });
      for (const error of response.body.errors) expect(error.extensions.requestId).toBe(response.headers.get('x-request-id'));
    }
  });
});

describe('gateway in production', () => {
  let production: RunningGateway;

  beforeAll(async () => {
    production = await startGatewayOn(platform, { environment: 'production' });
  });
  afterAll(() => production?.stop());

  const QUERY = `{ workers(divisionCode: "530113", first: 2) { nodes { name povertyStatus } } }`;
  const PLAN = { 'apollo-query-plan-experimental': '1' };

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Worker") { fields { name } } }']) {
      const response = await post(production.url, { query });
      expect(response.status).toBe(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors[0].message).toMatch(/introspection/i);
      expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // __typename is not introspection of the schema.
    expect((await post(production.url, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('does not show the query plan', async () => {
    const development = await post(platform.gateway.url, { query: QUERY }, PLAN);
    expect(development.body.extensions?.__queryPlanExperimental).toMatch(/QueryPlan/);
    const response = await post(production.url, { query: QUERY }, PLAN);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.workers.nodes).toHaveLength(2);
    expect(response.body.extensions).toBeUndefined();
    expect(response.text).not.toMatch(/QueryPlan|Fetch\(service/);
  });

  it('gives no schema hints in validation errors', async () => {
    const typo = '{ workers(divisionCode: "530113") { nodes { nam } } }';
    expect((await post(platform.gateway.url, { query: typo })).body.errors[0].message).toMatch(/Did you mean "name"/);
    const response = await post(production.url, { query: typo });
    expect(response.body.errors[0].message).toBe('Cannot query field "nam" on type "Worker".');
  });

  it('keeps the limits', async () => {
    const response = await post(production.url, { query: `{ division(code: "530113") { ${'children { '.repeat(14)}code${' }'.repeat(14)} } }` });
    expect(response.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });
});
