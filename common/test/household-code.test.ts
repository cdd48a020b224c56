import { HOUSEHOLD_CODE_LENGTH, householdCodeIn, isHouseholdCode, isHouseholdPlace, VILLAGE_CODE_PATTERN, villageOfHousehold, villageOfPlace } from '@jiuye/common';

describe('household codes', () => {
  it('are a 12-digit village code and a 4-digit sequence', () => {
    expect(householdCodeIn('530113101001', 7)).toBe('5301131010010007');
    expect(HOUSEHOLD_CODE_LENGTH).toBe(16);
    expect(villageOfHousehold('5301131010010007')).toBe('530113101001');
  });

  it('accept 16 digits whose village part is a division code, nothing else', () => {
    expect(isHouseholdCode('5301131010010007')).toBe(true);
    expect(isHouseholdCode('530113101001007')).toBe(false); // 15 digits
    expect(isHouseholdCode('53011310100100071')).toBe(false); // 17 digits
    expect(isHouseholdCode('530113101001000x')).toBe(false);
    expect(isHouseholdCode('0001131010010007')).toBe(false); // village code starting with 00
    expect(isHouseholdCode(5301131010010007)).toBe(false);
    expect(isHouseholdCode(null)).toBe(false);
  });

  it('give the village of a place at village level or below, and nothing above it', () => {
    expect(villageOfPlace('5301131010010007')).toBe('530113101001');
    expect(villageOfPlace('530113101001')).toBe('530113101001');
    expect(villageOfPlace('530113101')).toBeUndefined();
    expect(villageOfPlace(null)).toBeUndefined();
    expect(isHouseholdPlace('5301131010010007')).toBe(true);
    expect(isHouseholdPlace('530113101001')).toBe(false);
    expect(VILLAGE_CODE_PATTERN.test('530113101001')).toBe(true);
  });
});
