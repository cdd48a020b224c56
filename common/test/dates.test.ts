import { addDays, addMonths, ageOn, daysBetween, isRowId, parseRowId, requireRowId } from '@jiuye/common';

describe('calendar arithmetic on LocalDate strings', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('adds months clamping to the end of the month, as PostgreSQL does', () => {
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-29', 3)).toBe('2024-02-29');
  });

  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('row ids', () => {
  it('accepts positive whole numbers that fit an integer column', () => {
    expect(parseRowId('1')).toBe(1);
    expect(parseRowId(2147483647)).toBe(2147483647);
    expect(parseRowId(null)).toBeNull();
  });

  it.each(['0', '-1', '1e3', '1.5', '01', ' 7', 'abc', '2147483648', '99999999999'])('refuses %p', (value) => {
    expect(isRowId(value)).toBe(false);
    expect(() => requireRowId(value, 'input.grantId', 'grant')).toThrow('input.grantId: not a grant id');
  });
});
