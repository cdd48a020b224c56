import fc from 'fast-check';
import { idNumberCheckCharacter, isValidIdNumber, makeIdNumber, maskIdNumber, maskPhone, parseIdNumber, workerPseudonym } from '@jiuye/common';

/** Properties of the ID-number validator and the masks, over thousands of generated cases. */
/** A county-level region: a province prefix and four digits that are not 0000 (that would be the province itself). */
const region = fc.tuple(fc.integer({ min: 11, max: 65 }), fc.integer({ min: 1, max: 9999 })).map(([province, rest]) => `${province}${String(rest).padStart(4, '0')}`);
const birthDate = fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 0, max: 999 });
const validIdNumber = fc.tuple(region, birthDate, sequence).map(([r, d, s]) => makeIdNumber(r, d, s));

describe('ID numbers (GB 11643), property-based', () => {
  it('accepts every well-formed number and reads its birth date back', () => {
    fc.assert(
      fc.property(region, birthDate, sequence, (r, d, s) => {
        const id = makeIdNumber(r, d, s);
        expect(isValidIdNumber(id)).toBe(true);
        expect(parseIdNumber(id).birthDate).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every number with one digit changed (the check character catches single errors)', () => {
    fc.assert(
      fc.property(validIdNumber, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, position, delta) => {
        const digit = (Number(id[position]) + delta) % 10;
        const changed = id.slice(0, position) + digit + id.slice(position + 1);
        expect(isValidIdNumber(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every number with a wrong check character', () => {
    fc.assert(
      fc.property(validIdNumber, fc.constantFrom(...'0123456789X'), (id, check) => {
        fc.pre(check !== idNumberCheckCharacter(id.slice(0, 17)));
        expect(isValidIdNumber(id.slice(0, 17) + check)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a province-level region code (digits 3 to 6 all zero)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 65 }), birthDate, sequence, (province, d, s) => {
        expect(isValidIdNumber(makeIdNumber(`${province}0000`, d, s))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and accepts nothing that is not 18 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const valid = isValidIdNumber(text);
        if (valid) expect(text).toMatch(/^\d{17}[\dX]$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('masks keep only the area code (first six digits): never the birth date, the sequence or the check character', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 6)}************`);
        expect(masked.slice(6)).toMatch(/^\*+$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('phone masks hide the middle four digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone)!;
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
        expect(masked.replace(/\*/g, '')).toHaveLength(7);
      }),
      { numRuns: 1000 },
    );
    expect(maskPhone(null)).toBeNull();
  });

  it('pseudonyms are stable per key and differ across keys and numbers', () => {
    fc.assert(
      fc.property(validIdNumber, validIdNumber, (a, b) => {
        expect(workerPseudonym(a, 'k'.repeat(32))).toBe(workerPseudonym(a, 'k'.repeat(32)));
        expect(workerPseudonym(a, 'k'.repeat(32))).not.toBe(workerPseudonym(a, 'j'.repeat(32)));
        if (a !== b) expect(workerPseudonym(a, 'k'.repeat(32))).not.toBe(workerPseudonym(b, 'k'.repeat(32)));
        expect(workerPseudonym(a, 'k'.repeat(32))).not.toContain(a.slice(0, 6));
      }),
      { numRuns: 500 },
    );
  });
});
