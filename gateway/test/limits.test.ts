import { SUBGRAPH_NAMES } from '@jiuye/common';
import { postGraphQL } from '../../tests/support/harness';
import { startTestPlatform, type TestPlatform } from '../../tests/support/platform';

/** Query bombs are refused by the gateway before any department does any work. */
describe('gateway limits', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(60);
  });
  afterAll(() => platform?.stop());

  async function expectRefusedBeforeSubgraphs(query: string, pattern: RegExp, limit?: string) {
    const { response, statements } = await platform.countStatements(query);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].message).toMatch(pattern);
    if (limit) expect(response.errors?.[0].extensions?.limit).toBe(limit);
    for (const name of SUBGRAPH_NAMES) expect(statements[name]).toBe(0);
  }

  it('refuses a depth bomb', async () => {
    const nested = 'children { '.repeat(14) + 'code' + ' }'.repeat(14);
    await expectRefusedBeforeSubgraphs(`{ division(code: "530113") { ${nested} } }`, /levels deep; at most 12/, 'depth');
  });

  it('counts depth through fragments', async () => {
    const query = `{ division(code: "530113") { ...a } }
      fragment a on Division { children { children { children { ...b } } } }
      fragment b on Division { children { children { children { children { children { children { children { children { code } } } } } } } } }`;
    await expectRefusedBeforeSubgraphs(query, /levels deep/, 'depth');
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: division(code: "530113") { name }`).join(' ');
    await expectRefusedBeforeSubgraphs(`{ ${aliases} }`, /40 aliases; at most 30/, 'aliases');
  });

  it('refuses a token bomb at parse time', async () => {
    const fields = Array.from({ length: 2500 }, () => 'name').join(' ');
    await expectRefusedBeforeSubgraphs(`{ division(code: "530113") { ${fields} } }`, /tokens/);
  });

  it('refuses a cost bomb of nested pages', async () => {
    const query = `{ workers(divisionCode: "530113", first: 500) { nodes { household { members { employments { kind } subsidies { amount } } } } } }`;
    await expectRefusedBeforeSubgraphs(query, /estimated cost is \d+; at most 50000/, 'cost');
  });

  it('refuses batched operations', async () => {
    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('still answers ordinary department queries', async () => {
    const response = await platform.query(`{ workers(divisionCode: "${platform.county.reference.county.code}", first: 100) { totalCount nodes { name household { code povertyStatus } careDuties { reason } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.workers.nodes.length).toBeGreaterThan(0);
  });
});

describe('gateway in production mode', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(20, { environment: 'production' });
  });
  afterAll(() => platform?.stop());

  it('refuses introspection', async () => {
    const response = await postGraphQL(platform.gateway.url, '{ __schema { types { name } } }');
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });
});
