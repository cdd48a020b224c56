import { isValidDivisionCode } from './division-code';

/**
 * 户编号 — the household code every department knows a household by: the 12-digit village
 * code (统计用区划代码, see division-code.ts) followed by a 4-digit sequence within the village.
 * The one home of that fact; departments, the gateway's access log and the read model import it.
 */
export const VILLAGE_CODE_LENGTH = 12;
export const HOUSEHOLD_SEQUENCE_LENGTH = 4;
export const HOUSEHOLD_CODE_LENGTH = VILLAGE_CODE_LENGTH + HOUSEHOLD_SEQUENCE_LENGTH;

/** The shape of a village code: 12 digits (a cursor part, a region that is a village). */
export const VILLAGE_CODE_PATTERN = /^\d{12}$/;
/** The shape of a household code: 16 digits. Use isHouseholdCode to also check the village part. */
export const HOUSEHOLD_CODE_PATTERN = /^\d{16}$/;

/** The message a field gets when it is not a household code. */
export const HOUSEHOLD_CODE_MESSAGE = 'a household code is 16 digits: the 12-digit village code and a 4-digit sequence';

/** 16 digits whose first 12 form a valid village code (so not starting with 00). */
export function isHouseholdCode(code: unknown): code is string {
  return typeof code === 'string' && HOUSEHOLD_CODE_PATTERN.test(code) && isValidDivisionCode(villageOfHousehold(code));
}

/** The village a household lies in: the first 12 digits of its code. */
export function villageOfHousehold(householdCode: string): string {
  return householdCode.slice(0, VILLAGE_CODE_LENGTH);
}

/**
 * The village of a place (a division code or a household code), or undefined for a place
 * above village level (a township, a county…).
 */
export function villageOfPlace(place: string | null | undefined): string | undefined {
  return place && place.length >= VILLAGE_CODE_LENGTH ? place.slice(0, VILLAGE_CODE_LENGTH) : undefined;
}

/** Whether a place (a division code or a household code) is a household code by its length. */
export function isHouseholdPlace(place: string | null | undefined): place is string {
  return !!place && place.length === HOUSEHOLD_CODE_LENGTH;
}

/** The code of the n-th household (1-based) of a village. */
export function householdCodeIn(villageCode: string, sequence: number): string {
  return villageCode + String(sequence).padStart(HOUSEHOLD_SEQUENCE_LENGTH, '0');
}
