import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from '@jiuye/common';

describe('unified social credit code (GB 32100)', () => {
  // Published examples: 91350100M000100Y43 (the standard's own example) and a bank's code.
  it.each(['91350100M000100Y43', '91110000710935732K'])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('refuses a wrong check character, the near miss of a right one', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('the check character (the 18th) does not match');
  });

  it('refuses a wrong length and characters outside the alphabet (I, O, S, V, Z, lower case)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 characters, this one has 17/);
    expect(isValidCreditCode('91350100M000100O43')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('91ABCDEFM000100Y43')).toBe(false);
  });
});
