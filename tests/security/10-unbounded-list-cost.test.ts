import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNullableType, isListType, isObjectType, getNamedType, isCompositeType } from 'graphql';
import { SUBGRAPH_NAMES } from '@jiuye/common';
import { LIST_SIZES, type RunningGateway } from '@jiuye/gateway';
import { post, startGatewayOn } from '@jiuye/testing/gateway';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 10 (the cost estimate) — a list without `first` was assumed to hold 10 items, so a query
 * estimated at 2,600 walked 7,911 objects (partner cities → batches → transfers). Defended by:
 * every list without `first` counts as its real maximum, declared once in the gateway's limits
 * (LIST_SIZES: a vocabulary's size, a resolver's cap, a code's digits, or the largest page for
 * lists no resolver caps); the estimate is never below what the query walks.
 */
jest.setTimeout(240_000);

let platform: TestPlatform;
let measuring: RunningGateway;
let estimating: RunningGateway;

/** What a query walks: one per field value in the answer, every item of every list (the estimate's unit). */
function walked(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + walked(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, field) => sum + 1 + walked(field), 0);
}

function statementTotal(): number {
  return SUBGRAPH_NAMES.reduce((sum, name) => sum + platform.subgraphs[name].database.statements.total, 0);
}

const FIELDS = 'id employerName jobTitle startedOn endedOn endReason fareReimbursed active phoneMasked';
const ATTACKS: [string, string][] = [
  ["one city's batches and all their transfers", `{ transferBatches(cityCode: "4403") { transfers { ${FIELDS} } } }`],
  ['every city, batch and transfer', `{ partnerCities { code batches { id transfers { ${FIELDS} } } } }`],
];

beforeAll(async () => {
  // Enough people that a batch holds more transfers than the old assumption of 10.
  platform = await startTestPlatform(3000);
  measuring = await startGatewayOn(platform, { limits: { maxCost: 1_000_000_000_000 } });
  estimating = await startGatewayOn(platform, { limits: { maxCost: 1 } });
});

afterAll(async () => {
  await measuring?.stop();
  await estimating?.stop();
  await platform?.stop();
});

describe('hole 10: the cost of a list without `first` is its real maximum', () => {
  it.each(ATTACKS)('estimates %s at no less than the objects it walks, and the default limit refuses it before any department works', async (_label, query) => {
    const answer = await post(measuring.url, { query });
    expect(answer.body.errors).toBeUndefined();
    const objects = walked(answer.body.data);
    const transfers = JSON.stringify(answer.body.data).split('"employerName"').length - 1;
    // The data exercises the hole: more transfers than the old 10 × 10 assumption.
    expect(transfers).toBeGreaterThan(100);

    const refused = await post(estimating.url, { query });
    const estimate = refused.body.errors.find((e: any) => e.extensions.code === 'QUERY_TOO_COSTLY').extensions.found;
    expect(estimate).toBeGreaterThanOrEqual(objects);

    const before = statementTotal();
    const defaults = await post(platform.gateway.url, { query });
    expect(defaults.status).toBe(400);
    expect(defaults.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', max: 50_000 });
    expect(statementTotal()).toBe(before);
  });

  it('declares a size for every list a client can ask for without `first` (a new list must be declared)', () => {
    const schema = Supergraph.build(readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) continue;
        if (field.args.some((a) => a.name === 'first')) continue;
        // A page's nodes are as many as the page's `first`.
        if (field.name === 'nodes' && type.name.endsWith('Page')) continue;
        if (LIST_SIZES[`${type.name}.${field.name}`] === undefined) undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
