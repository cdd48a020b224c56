import fc from 'fast-check';
import { GENESIS_HASH, rowHash } from '@jiuye/gateway';
import { copyField } from '@jiuye/common';
import { ChainWriter, type PersonColumns, type RequestColumns } from '../src/audit/access-log-copy';

/**
 * The append hashes a group commit's entries in one pass (access-log-copy.ts) while verify() and
 * `npm run audit:verify` recompute them with rowHash: the two must hash the same bytes, or every
 * export would leave a chain that no longer verifies. Checked here for any content, including
 * the nulls, the later columns set or unset, text that JSON or COPY must escape, and arrays
 * shared between people; and the staged lines with the requests and arrays they number say what
 * was hashed.
 */

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const request: fc.Arbitrary<RequestColumns> = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  requestId: text,
  staff: text,
  department: fc.constantFrom('hr', 'poverty', 'dashboard'),
  role: text,
  region: nullable(fc.constantFrom('530113', '530113101')),
  partnerCity: nullable(text),
  institution: nullable(text),
  purpose: nullable(text),
  operation: nullable(fc.oneof(text, fc.constant('export /exports/roster.csv?kind=REAL_NAME&region=530113'), fc.constant('tab\there\\ and\nnewline\r"quote"'))),
  correlationId: nullable(text),
});
const fieldList = fc.array(fc.oneof(text, fc.constantFrom('export:姓名', 'Worker.idNumber', 'a,b', '{x}', 'q"uote', 'back\\slash', 'NULL', '')), { maxLength: 5 });
const person: fc.Arbitrary<PersonColumns> = fc.record({
  subgraphs: fc.array(fc.constantFrom('hr', 'situation', 'poverty'), { maxLength: 3 }),
  workerId: nullable(text),
  householdCode: nullable(text),
  villageCode: nullable(fc.constantFrom('530113001001', '530113101002')),
  fields: fieldList,
  lookup: nullable(fc.constantFrom('found' as const, 'not-found' as const, 'invalid' as const, 'refused' as const)),
});

/** COPY's text format read back (the inverse of copyField), for the check that a line says what was hashed. */
const unescape = (value: string) => (value === '\\N' ? null : value.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c));

describe('the access log append: one-pass hashing and COPY lines', () => {
  it('hashes every entry exactly as rowHash does, in chain order, for any requests and people', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(request, fc.array(person, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 }), (requests) => {
        const chain = new ChainWriter(41, GENESIS_HASH);
        let seq = 41;
        let prevHash = GENESIS_HASH;
        const staged: { cells: string[]; request: RequestColumns; person: PersonColumns }[] = [];
        for (const [columns, people] of requests) {
          const lines = chain.lines(columns, people).split('\n').slice(0, -1);
          expect(lines).toHaveLength(people.length);
          people.forEach((one, i) => {
            seq += 1;
            const { correlationId, ...shared } = columns;
            const expected = rowHash(prevHash, { seq, ...shared, ...one, correlationId });
            const cells = lines[i].split('\t');
            // seq, request, subgraphs, fields, worker_id, household_code, village_code, lookup, prev_hash, hash
            expect(cells).toHaveLength(10);
            expect(cells[0]).toBe(String(seq));
            expect(cells[8]).toBe(prevHash);
            expect(cells[9]).toBe(expected);
            expect([unescape(cells[4]), unescape(cells[5]), unescape(cells[6]), unescape(cells[7])]).toEqual([one.workerId, one.householdCode, one.villageCode, one.lookup]);
            staged.push({ cells, request: columns, person: one });
            prevHash = expected;
          });
        }
        // What the insert joins by number is the request and the arrays that were hashed.
        const byNumber = <T extends { n: number }>(list: T[]) => new Map(list.map((item) => [String(item.n), item]));
        const requestsByNumber = byNumber(JSON.parse(chain.requests));
        const arraysByNumber = byNumber<{ n: number; list: string[] }>(JSON.parse(chain.arrays));
        for (const { cells, request, person: one } of staged) {
          expect(requestsByNumber.get(cells[1])).toEqual({
            n: Number(cells[1]),
            at: request.at.toISOString(),
            request_id: request.requestId,
            staff: request.staff,
            department: request.department,
            role: request.role,
            region: request.region,
            partner_city: request.partnerCity,
            institution: request.institution,
            purpose: request.purpose,
            operation: request.operation,
            correlation_id: request.correlationId,
          });
          expect(arraysByNumber.get(cells[2])!.list).toEqual(one.subgraphs);
          expect(arraysByNumber.get(cells[3])!.list).toEqual(one.fields);
        }
        expect(chain.seq).toBe(seq);
        expect(chain.prevHash).toBe(prevHash);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes what COPY text would misread: backslash, tab, newline, carriage return; nulls as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('村（社区）')).toBe('村（社区）');
  });
});
