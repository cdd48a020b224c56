import { InvalidIdNumberError, idNumberCheckCharacter, makeIdNumber, maskIdNumber, maskPhone, parseIdNumber, isValidIdNumber } from '@jiuye/common';

function problemOf(value: string): string | undefined {
  try {
    parseIdNumber(value);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidIdNumberError);
    return (error as InvalidIdNumberError).problem;
  }
}

describe('GB 11643 ID numbers', () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts the valid number %s', (value) => {
    expect(isValidIdNumber(value)).toBe(true);
  });

  it('parses region, birth date, sequence and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ regionCode: '110105', birthDate: '1949-12-31', sequence: '002', sex: 'FEMALE' });
    expect(parseIdNumber('440524188001010014').sex).toBe('MALE');
  });

  it('rejects a wrong check character', () => {
    expect(problemOf('110105194912310021')).toBe('CHECK_CHARACTER');
    expect(problemOf('440524188001010015')).toBe('CHECK_CHARACTER');
  });

  it('rejects an impossible birth date such as 1999-02-30', () => {
    const first17 = '44052419990230001';
    expect(problemOf(first17 + idNumberCheckCharacter(first17))).toBe('BIRTH_DATE');
  });

  it('rejects a birth date in the future', () => {
    const first17 = '44052421000101001';
    expect(problemOf(first17 + idNumberCheckCharacter(first17))).toBe('BIRTH_DATE');
  });

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X0'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(problemOf(value)).toBe('LENGTH');
  });

  it('rejects a lower-case x with its own explanation', () => {
    expect(problemOf('11010519491231002x')).toBe('LOWERCASE_X');
    expect(() => parseIdNumber('11010519491231002x')).toThrow(/upper-case X/);
  });

  it('rejects letters and a region code of zeros', () => {
    expect(problemOf('1101051949123100AX')).toBe('CHARACTERS');
    expect(problemOf('000000194912310021')).toBe('REGION');
  });

  it('never repeats the number in its messages', () => {
    for (const value of ['110105194912310021', '11010519491231002x', '44052419990230001X']) {
      try {
        parseIdNumber(value);
      } catch (error) {
        expect((error as Error).message).not.toContain(value.slice(0, 10));
      }
    }
  });

  it('makes valid numbers and round-trips every check character', () => {
    const seen = new Set<string>();
    for (let sequence = 0; sequence < 200; sequence++) {
      const value = makeIdNumber('530113', '1985-06-15', sequence);
      expect(isValidIdNumber(value)).toBe(true);
      seen.add(value[17]);
    }
    expect(seen.size).toBe(11);
  });

  it('masks ID numbers and phones as officials print them', () => {
    expect(maskIdNumber('440524188001010014')).toBe('440524************');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
});
