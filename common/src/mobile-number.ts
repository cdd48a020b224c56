/**
 * Mainland China mobile numbers (手机号): 11 digits, a 1 and then 3 to 9 (no mobile network
 * has numbers beginning 10, 11 or 12). The one home of the rule: hr's and partner's inputs
 * check it and the logger scrubs numbers of this shape from free text.
 */
const MOBILE_NUMBER = '1[3-9]\\d{9}';

export const MOBILE_NUMBER_PATTERN = new RegExp(`^${MOBILE_NUMBER}$`);
export const MOBILE_NUMBER_MESSAGE = 'a mobile number is 11 digits starting with 13 to 19';

export function isMobileNumber(value: unknown): value is string {
  return typeof value === 'string' && MOBILE_NUMBER_PATTERN.test(value);
}

/** Every mobile number standing alone inside a text (for scrubbing logs; global, use with replace). */
export function mobileNumbersInText(): RegExp {
  return new RegExp(`\\b${MOBILE_NUMBER}\\b`, 'g');
}
