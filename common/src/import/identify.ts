import { isHouseholdCode, villageOfHousehold } from '../household-code';
import { isValidIdNumber } from '../id-number';
import { workerPseudonym } from '../pseudonym';
import type { ImportedPerson } from './engine';
import type { RawCell } from './sheet';
import { normaliseCode, normaliseIdNumber } from './values';

/**
 * Who a row's cells are about, without the database: a valid ID number's pseudonym and a valid
 * household code (and its village). A kind's `identify` for a refused row: the rejected-rows
 * download logs the person its cells describe. A worker whose household cell is unusable gets
 * no village here (the gateway's access log places them from the residence authority).
 */
export function identifyCells(cells: { idNumber?: RawCell; householdCode?: RawCell }, pseudonymKey?: string): ImportedPerson | null {
  const id = cells.idNumber === undefined ? null : normaliseIdNumber(cells.idNumber);
  const code = cells.householdCode === undefined ? null : normaliseCode(cells.householdCode);
  const household = isHouseholdCode(code) ? code : null;
  const villageCode = household ? villageOfHousehold(household) : '';
  if (pseudonymKey && id?.value && isValidIdNumber(id.value)) return { workerId: workerPseudonym(id.value, pseudonymKey), villageCode };
  return household ? { householdCode: household, villageCode } : null;
}
