import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { makeIdNumber } from '@jiuye/common';
import { idNumberLookups, lookupOutcome } from '../src/audit/id-lookups';
import { LookupBudget } from '../src/audit/lookup-budget';

/** The API schema clients query: the committed supergraph without its federation machinery. */
const schema = Supergraph.build(readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

const A = makeIdNumber('530113', '1990-01-01', 11);
const B = makeIdNumber('530113', '1990-01-01', 13);
const C = makeIdNumber('530113', '1985-06-30', 20);

function lookups(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return idNumberLookups(schema, document, operation, variables).map(({ coordinate, path: at, idNumber }) => [coordinate, at.join('.'), idNumber]);
}

describe('finding every ID number an operation carries (hole 3)', () => {
  it('finds literals and variables through aliases, named and inline fragments', () => {
    expect(
      lookups(
        `query($x: String!) { a: worker(idNumber: "${A}") { id } ...F ... on Query { c: worker(idNumber: $x) { id } } }
         fragment F on Query { b: worker(idNumber: "${B}") { name } }`,
        { x: C },
      ),
    ).toEqual([
      ['Query.worker(idNumber)', 'a', A],
      ['Query.worker(idNumber)', 'b', B],
      ['Query.worker(idNumber)', 'c', C],
    ]);
  });

  it('finds ID numbers inside mutation inputs, as literals, whole-input variables and lists', () => {
    expect(
      lookups(`mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id } }`, {
        input: { idNumber: A, batchId: '1', employerName: 'x', startedOn: '2026-11-01', jobTitle: 'x', fareReimbursed: false },
      }).map(([coordinate, , id]) => [coordinate, id]),
    ).toEqual([['Mutation.recordTransfer(input.idNumber)', A]]);
    const removal = lookups(
      `mutation { removeHouseholdMember(input: { householdCode: "5301131010010001", idNumber: "${A}", removedOn: "2026-11-01", reason: "died", newHeadIdNumber: "${B}" }) { __typename } }`,
    );
    expect(removal.map(([coordinate, , id]) => [coordinate, id])).toEqual([
      ['Mutation.removeHouseholdMember(input.idNumber)', A],
      ['Mutation.removeHouseholdMember(input.newHeadIdNumber)', B],
    ]);
    const members = lookups(
      `mutation($m: [RegisterMemberInput!]!) { registerHousehold(input: { code: "5301131010010001", registeredOn: "2026-11-01", status: NOT_LIFTED, reason: "x", members: $m }) { code } }`,
      {
        m: [
          { idNumber: A, name: 'x', relationship: 'HEAD' },
          { idNumber: C, name: 'y', relationship: 'SPOUSE' },
        ],
      },
    );
    expect(members.map(([coordinate, , id]) => [coordinate, id])).toEqual([
      ['Mutation.registerHousehold(input.members[].idNumber)', A],
      ['Mutation.registerHousehold(input.members[].idNumber)', C],
    ]);
  });

  it("leaves out fields that @skip or @include keep from running, and counts the auditor's search by ID number", () => {
    expect(lookups(`query($no: Boolean!) { a: worker(idNumber: "${A}") @skip(if: true) { id } b: worker(idNumber: "${B}") @include(if: $no) { id } }`, { no: false })).toEqual([]);
    expect(lookups(`{ accessLog(idNumber: "${A}") { nodes { seq } } }`)).toEqual([['Query.accessLog(idNumber)', 'accessLog', A]]);
  });

  it("tells found, not found, invalid and refused apart from the operation's result", () => {
    const result = {
      data: { a: { id: 'w1' }, b: null, c: null, d: null },
      errors: [
        { message: 'x', path: ['b'], extensions: { code: 'NOT_FOUND' } },
        { message: 'x', path: ['c'], extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'x', path: ['d'], extensions: { code: 'FORBIDDEN' } },
      ],
    };
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => lookupOutcome(result, [key]))).toEqual(['found', 'not-found', 'invalid', 'refused', 'not-found']);
  });
});

describe('the per-account budget of lookups by ID number', () => {
  it('is a sliding window of one minute per account, charged whole or not at all', () => {
    let now = 1_000_000;
    const budget = new LookupBudget(5, 60_000, () => now);
    expect(budget.charge('a', 3)).toBeNull();
    now += 20_000;
    expect(budget.charge('a', 2)).toBeNull();
    // Full: the next fits when the first three expire, 40 s from now.
    expect(budget.charge('a', 1)).toEqual({ retryAfter: 40, used: 5 });
    expect(budget.charge('b', 5)).toBeNull();
    now += 40_001;
    expect(budget.charge('a', 3)).toBeNull();
    expect(budget.charge('a', 1)).toEqual({ retryAfter: 20, used: 5 });
    // More than the whole budget in one operation never fits.
    expect(budget.charge('c', 6)).toEqual({ retryAfter: 60, used: 0 });
    expect(budget.charge('c', 5)).toBeNull();
  });
});
