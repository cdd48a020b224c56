import { InputProblems, InvalidIdNumberError, parseIdNumber, requireIdNumber } from '@jiuye/common';

/** A GraphQL ID of one of this subgraph's rows (a positive integer), or null when it is not one. */
export function parseId(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

/**
 * Ends input validation. An ID number that is the only problem fails through requireIdNumber,
 * so the error carries the reason code (CHECK_CHARACTER, BIRTH_DATE, LENGTH, LOWERCASE_X, …);
 * together with other problems it joins the list, so one round trip still shows them all.
 */
export function throwIfInvalid(problems: InputProblems, idNumber?: { value: string; field: string }): void {
  if (idNumber) {
    if (problems.empty) {
      requireIdNumber(idNumber.value, idNumber.field);
    } else {
      try {
        parseIdNumber(idNumber.value);
      } catch (error) {
        if (!(error instanceof InvalidIdNumberError)) throw error;
        problems.add(idNumber.field, error.message);
      }
    }
  }
  problems.throwIfAny();
}
