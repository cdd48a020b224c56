import { isMobileNumber, scrubPersonalData } from '@jiuye/common';

describe('mobile numbers', () => {
  it('are 11 digits starting with 13 to 19', () => {
    expect(['13812345678', '15012345678', '19912345678'].every(isMobileNumber)).toBe(true);
  });

  it('refuse the numbers the partner check once let through (10, 11, 12 …) and other lengths', () => {
    expect(isMobileNumber('10012345678')).toBe(false);
    expect(isMobileNumber('11012345678')).toBe(false);
    expect(isMobileNumber('12012345678')).toBe(false);
    expect(isMobileNumber('1381234567')).toBe(false);
    expect(isMobileNumber('138123456789')).toBe(false);
    expect(isMobileNumber('138 1234 5678')).toBe(false);
    expect(isMobileNumber(13812345678)).toBe(false);
  });

  it('are scrubbed from free text by the same rule', () => {
    expect(scrubPersonalData('call 13812345678 or 12012345678')).toBe('call [phone] or 12012345678');
  });
});
