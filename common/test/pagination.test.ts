import { compositeKey, decodeCompositeCursor, decodeIdCursor, decodeTextCursor, encodeCursor, HOUSEHOLD_CODE_PATTERN, nonEmptyPart, toPage } from '@jiuye/common';

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return null;
};

describe('keyset cursors', () => {
  it('round-trip an id list', () => {
    const page = toPage([{ id: 1 }, { id: 2 }, { id: 3 }], 2, 3, (row) => row.id);
    expect(decodeIdCursor(page.pageInfo.endCursor)).toBe(2);
    expect(decodeIdCursor(null)).toBeNull();
  });

  it('refuse what no list returned, naming the argument', () => {
    for (const forged of [encodeCursor('5'), encodeCursor(-1), encodeCursor(1.5), 'not base64 json'])
      expect(refused(() => decodeIdCursor(forged, 'transfersAfter'))).toEqual({ code: 'BAD_USER_INPUT', field: 'transfersAfter', reason: 'CURSOR' });
    expect(refused(() => decodeTextCursor(encodeCursor(5301131010010007), HOUSEHOLD_CODE_PATTERN))).toMatchObject({ reason: 'CURSOR' });
    expect(decodeTextCursor(encodeCursor('5301131010010007'), HOUSEHOLD_CODE_PATTERN)).toBe('5301131010010007');
  });

  it('round-trip composite keys, each part checked at its place', () => {
    const tests = [(p: string) => /^\d{12}$/.test(p), nonEmptyPart];
    const cursor = encodeCursor(compositeKey(['530113101001', 'wAbc']));
    expect(decodeCompositeCursor(cursor, tests)).toEqual(['530113101001', 'wAbc']);
    expect(refused(() => decodeCompositeCursor(encodeCursor(compositeKey(['530113101001', ''])), tests))).toMatchObject({ reason: 'CURSOR' });
    expect(refused(() => decodeCompositeCursor(encodeCursor('530113101001|w|x'), tests))).toMatchObject({ reason: 'CURSOR' });
    expect(decodeCompositeCursor(encodeCursor(compositeKey(['a', 'b'], '/')), [nonEmptyPart, nonEmptyPart], { separator: '/' })).toEqual(['a', 'b']);
    // A number key is no composite key (compositeKey always gives a string), even when its digits would pass the part's test.
    const householdCode = [(part: string) => HOUSEHOLD_CODE_PATTERN.test(part)];
    expect(decodeCompositeCursor(encodeCursor('5301131010010001'), householdCode)).toEqual(['5301131010010001']);
    expect(refused(() => decodeCompositeCursor(encodeCursor(5301131010010001), householdCode))).toMatchObject({ reason: 'CURSOR' });
  });
});
