import { getIntrospectionQuery } from 'graphql';
import { SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';
import type { RunningGateway } from '@jiuye/gateway';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { post, startGatewayOn, type RawResponse } from '@jiuye/testing/gateway';

/**
 * Query bombs are refused by the gateway before it plans them or any department does any
 * work: the SQL statement counters of all six subgraphs stand still.
 */
describe('gateway limits', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(100);
  });
  afterAll(() => platform?.stop());

  function statementTotals(): Record<SubgraphName, number> {
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, platform.subgraphs[name].database.statements.total])) as Record<SubgraphName, number>;
  }

  /** Sends a request and fails unless no subgraph ran a single SQL statement for it. */
  async function withoutSubgraphWork(send: () => Promise<RawResponse>): Promise<RawResponse> {
    const before = statementTotals();
    const response = await send();
    expect(statementTotals()).toEqual(before);
    return response;
  }

  async function expectRefused(
    query: string,
    expected: { code: string; limit: string; max: number; found?: number; message: RegExp },
    variables?: Record<string, unknown>,
    gateway: RunningGateway = platform.gateway,
  ) {
    const response = await withoutSubgraphWork(() => post(gateway.url, { query, variables }));
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    // A bomb may break more than one limit (a deep list is also costly); each is reported.
    const error = response.body.errors.find((e: { extensions: { code: string } }) => e.extensions.code === expected.code);
    expect(error).toBeDefined();
    expect(error.message).toMatch(expected.message);
    expect(error.extensions).toMatchObject({ code: expected.code, limit: expected.limit, max: expected.max });
    if (expected.found !== undefined) expect(error.extensions.found).toBe(expected.found);
    expect(error.extensions.requestId).toBe(response.headers.get('x-request-id'));
    return error;
  }

  const county = () => platform.county.reference.county.code;

  it('answers ordinary department queries, which do reach the subgraphs', async () => {
    const { response, statements } = await platform.countStatements(
      `{ workers(divisionCode: "${county()}", first: 100) { totalCount nodes { name household { code povertyStatus } careDuties { reason } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.workers.nodes.length).toBeGreaterThan(0);
    expect(statements.hr).toBeGreaterThan(0);
  });

  it('refuses a depth bomb', async () => {
    const nested = 'children { '.repeat(14) + 'code' + ' }'.repeat(14);
    await expectRefused(`{ division(code: "530113") { ${nested} } }`, {
      code: 'QUERY_TOO_DEEP',
      limit: 'depth',
      max: 12,
      found: 16,
      message: /the query is 16 levels deep; at most 12 are allowed/,
    });
  });

  it('counts depth through fragments', async () => {
    const query = `{ division(code: "530113") { ...a } }
      fragment a on Division { children { children { children { ...b } } } }
      fragment b on Division { children { children { children { children { children { children { children { children { code } } } } } } } } }`;
    await expectRefused(query, { code: 'QUERY_TOO_DEEP', limit: 'depth', max: 12, found: 13, message: /13 levels deep/ });
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: division(code: "530113") { name }`).join(' ');
    await expectRefused(`{ ${aliases} }`, {
      code: 'TOO_MANY_ALIASES',
      limit: 'aliases',
      max: 30,
      found: 40,
      message: /the query uses 40 aliases; at most 30 are allowed/,
    });
  });

  it('refuses a token bomb while parsing', async () => {
    const fields = Array.from({ length: 2500 }, () => 'name').join(' ');
    await expectRefused(`{ division(code: "530113") { ${fields} } }`, {
      code: 'TOO_MANY_TOKENS',
      limit: 'tokens',
      max: 2000,
      message: /the query has more than 2000 tokens; at most 2000 are allowed/,
    });
  });

  it('refuses a cost bomb of nested lists', async () => {
    // 500 workers × (household × 10 members × (10 employments + 10 subsidies)).
    const query = `{ workers(divisionCode: "530113", first: 500) { nodes { household { members { employments { kind } subsidies { amount } } } } } }`;
    const error = await expectRefused(query, { code: 'QUERY_TOO_COSTLY', limit: 'cost', max: 50000, message: /estimated cost is \d+; at most 50000 is allowed/ });
    expect(error.extensions.found).toBeGreaterThan(50000);
  });

  it('counts a `first` given by a variable as the largest page', async () => {
    const query = `query($n: Int!) { workers(divisionCode: "530113", first: $n) { nodes { household { members { employments { kind } subsidies { amount } } } } } }`;
    await expectRefused(query, { code: 'QUERY_TOO_COSTLY', limit: 'cost', max: 50000, message: /estimated cost/ }, { n: 5 });
    // The same selection with a small literal page is cheap enough.
    const small = await platform.query(query.replace('query($n: Int!)', '').replace('$n', '5'));
    expect(small.errors).toBeUndefined();
  });

  it('checks fragments that spread into each other in linear time, not exponential', async () => {
    // Expanded, this document has 2^60 paths; it must be refused at once, not computed.
    const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Division { children { ...F${i + 1} } parent { ...F${i + 1} } }`).join('\n');
    const query = `{ division(code: "530113") { ...F0 } }\n${fragments}\nfragment F60 on Division { code }`;
    const started = Date.now();
    const response = await withoutSubgraphWork(() => post(platform.gateway.url, { query }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(400);
    const codes = response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code);
    expect(codes).toEqual(expect.arrayContaining(['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY']));
  });

  it('refuses a batch of more operations than allowed, before running any of them', async () => {
    const operation = { query: `{ workers(divisionCode: "${county()}", first: 1) { nodes { name } } }` };
    const response = await withoutSubgraphWork(() =>
      post(
        platform.gateway.url,
        Array.from({ length: 6 }, () => operation),
      ),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].message).toBe('the request batches 6 operations; at most 5 are allowed');
    expect(response.body.errors[0].extensions).toEqual({
      code: 'TOO_MANY_OPERATIONS',
      limit: 'batch',
      max: 5,
      found: 6,
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('answers a batch within the limit, each operation checked on its own', async () => {
    const deep = `{ division(code: "530113") { ${'children { '.repeat(14)}code${' }'.repeat(14)} } }`;
    const response = await post(platform.gateway.url, [{ query: `{ workers(divisionCode: "${county()}", first: 2) { nodes { name } } }` }, { query: deep }]);
    expect(response.body).toHaveLength(2);
    expect(response.body[0].errors).toBeUndefined();
    expect(response.body[0].data.workers.nodes).toHaveLength(2);
    expect(response.body[1].errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('serves the standard introspection query outside production, but not an introspection bomb', async () => {
    const introspection = await post(platform.gateway.url, { query: getIntrospectionQuery() });
    expect(introspection.body.errors).toBeUndefined();
    expect(introspection.body.data.__schema.types.length).toBeGreaterThan(50);

    // Introspection counts towards none of the limits above; graphql's MaxIntrospectionDepthRule stops this.
    const bomb = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;
    const refused = await post(platform.gateway.url, { query: bomb });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/introspection depth/i);
  });

  describe('with limits from the configuration', () => {
    let strict: RunningGateway;

    beforeAll(async () => {
      strict = await startGatewayOn(platform, { limits: { maxDepth: 3, maxAliases: 1, maxTokens: 40, maxCost: 20, maxBatch: 1 } });
    });
    afterAll(() => strict?.stop());

    it('applies each configured number', async () => {
      await expectRefused(
        `{ worker(idNumber: "x") { household { members { name } } } }`,
        { code: 'QUERY_TOO_DEEP', limit: 'depth', max: 3, found: 4, message: /4 levels deep; at most 3/ },
        undefined,
        strict,
      );
      await expectRefused(
        `{ a: division(code: "530113") { name } b: division(code: "530113") { name } }`,
        { code: 'TOO_MANY_ALIASES', limit: 'aliases', max: 1, found: 2, message: /2 aliases; at most 1/ },
        undefined,
        strict,
      );
      await expectRefused(
        `{ division(code: "530113") { ${'name '.repeat(40)} } }`,
        { code: 'TOO_MANY_TOKENS', limit: 'tokens', max: 40, message: /more than 40 tokens/ },
        undefined,
        strict,
      );
      // 1 + 1 + 50 (the schema's default page) × 1: no `first` still counts as the page the subgraph would send.
      await expectRefused(
        `{ workers(divisionCode: "530113") { nodes { name } } }`,
        { code: 'QUERY_TOO_COSTLY', limit: 'cost', max: 20, found: 52, message: /estimated cost is 52; at most 20/ },
        undefined,
        strict,
      );
      const batch = await withoutSubgraphWork(() => post(strict.url, [{ query: '{ __typename }' }]));
      expect(batch.status).toBe(400);
      expect(batch.body.errors[0]).toMatchObject({ message: expect.stringMatching(/batched requests are off/), extensions: { code: 'TOO_MANY_OPERATIONS', max: 1, found: 1 } });
    });

    it('still answers what fits', async () => {
      const response = await post(strict.url, { query: `{ workers(divisionCode: "${county()}", first: 5) { nodes { name } } }` });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.workers.nodes).toHaveLength(5);
    });
  });
});
