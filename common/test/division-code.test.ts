import { divisionAncestry, divisionCodeRange, divisionLevel, parentDivisionCode } from '@jiuye/common';

describe('division codes', () => {
  it('knows the level from the length', () => {
    expect(['53', '5301', '530113', '530113101', '530113101001'].map(divisionLevel)).toEqual(['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE']);
  });

  it('rejects other lengths, letters and 00 prefixes with the reason', () => {
    expect(() => divisionLevel('53011')).toThrow(/this one has 5/);
    expect(() => divisionLevel('53a113')).toThrow(/digits only/);
    expect(() => divisionLevel('001234')).toThrow(/00/);
  });

  it('walks up and down the hierarchy', () => {
    expect(parentDivisionCode('530113101001')).toBe('530113101');
    expect(parentDivisionCode('53')).toBeNull();
    expect(divisionAncestry('530113101')).toEqual(['53', '5301', '530113', '530113101']);
  });

  it('gives the code range of everything inside a division', () => {
    expect(divisionCodeRange('530113101')).toEqual({ from: '530113101', to: '530113102' });
    const { from, to } = divisionCodeRange('530113109');
    expect('5301131090010001' >= from && '5301131090010001' < to).toBe(true);
    expect('5301131100010001' < to).toBe(false);
  });
});
