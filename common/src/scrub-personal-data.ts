import { mobileNumbersInText } from './mobile-number';

const ID_NUMBER_PATTERN = /\b\d{17}[\dXx]\b/g;
const PHONE_PATTERN = mobileNumbersInText();

/** For free text (error messages, SQL errors, span names) that might quote a person's ID number or phone. */
export function scrubPersonalData(text: string): string {
  return text.replace(ID_NUMBER_PATTERN, '[id-number]').replace(PHONE_PATTERN, '[phone]');
}
