/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and
 * capitals without I, O, Z, S, V): registration authority and kind (2), the registering
 * division (6), the organisation code (9, itself with a check character, GB 11714) and a
 * check character over the first 17 (weights 3^i mod 31).
 */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The 18th character for the first 17 (which must be of the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a unified social credit code is wrong, or null when it is right. */
export function creditCodeProblem(value: string): string | null {
  if (value.length !== 18) return `a unified social credit code has 18 characters, this one has ${value.length}`;
  if (!CREDIT_CODE_SHAPE.test(value)) return 'capital letters and digits only (no I, O, S, V or Z), with the registering division (6 digits) in characters 3 to 8';
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) return 'the check character (the 18th) does not match';
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}
