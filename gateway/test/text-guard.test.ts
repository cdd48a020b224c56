import { buildSchema, parse } from 'graphql';
import { forbiddenTextIn } from '../src/text-guard';

/** Hole 6: the gateway's check names the argument path whether the text is a literal, a variable or inside a fragment. */
const schema = buildSchema(`
  input Attempt { note: String, channel: String! }
  input Visit { transferId: ID!, note: String, attempts: [Attempt!]! }
  type Worker { id: ID!, postings(title: String): [String!]! }
  type Query { worker(idNumber: String!): Worker }
  type Mutation { recordVisit(input: Visit!): Boolean }
`);

describe('hole 6: gateway text guard (forbiddenTextIn)', () => {
  it('finds a NUL in a variable, naming the argument path', () => {
    const document = parse('mutation($v: Visit!) { recordVisit(input: $v) }');
    expect(forbiddenTextIn(schema, document, { v: { transferId: '1', attempts: [{ channel: 'PHONE', note: 'a\u0000' }] } })).toBe('input.attempts[0].note');
  });

  it('finds control characters in literals, nested fields and fragments', () => {
    expect(forbiddenTextIn(schema, parse('{ worker(idNumber: "53\\u0001") { id } }'), {})).toBe('idNumber');
    expect(forbiddenTextIn(schema, parse('query { ...F } fragment F on Query { worker(idNumber: "ok") { postings(title: "x\\u001b") } }'), {})).toBe('title');
    expect(forbiddenTextIn(schema, parse('mutation { recordVisit(input: { transferId: "1", note: "a\\u0000b", attempts: [] }) }'), {})).toBe('input.note');
  });

  it('lets tab, line feed, carriage return and ordinary text through', () => {
    const document = parse('mutation($v: Visit!) { recordVisit(input: $v) }');
    expect(forbiddenTextIn(schema, document, { v: { transferId: '1', note: '入户\t核实\r\n已见本人 😀', attempts: [] } })).toBeNull();
  });
});
