import { checkIdNumber, type InputProblems } from '@jiuye/common';

/**
 * Ends input validation: the ID number (if any) joins the other problems with its reason code
 * (CHECK_CHARACTER, BIRTH_DATE, LENGTH, LOWERCASE_X, …), so one round trip shows them all and,
 * when it is the only problem, extensions.reason says what is wrong with it.
 */
export function throwIfInvalid(problems: InputProblems, idNumber?: { value: string; field: string }): void {
  if (idNumber) checkIdNumber(problems, idNumber.value, idNumber.field);
  problems.throwIfAny();
}
