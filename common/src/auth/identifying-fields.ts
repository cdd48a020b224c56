import type { FieldCategory } from './access';

/**
 * What a field tells about the 18-character ID number (GB 11643: area 6 + birth date 8 +
 * sequence 3, odd = male + check 1):
 * - whole: the number itself;
 * - masked: the masked number (maskIdNumber: the characters it leaves in place);
 * - birth-date: digits 7–14 exactly;
 * - age: digits 7–14 up to about 365 days (the birth date lies in one year's window);
 * - sex: the parity of digit 17;
 * - area: the area code, as the county of the village or household the person lives in;
 * - null: nothing about the number (a phone identifies a person, not their ID number).
 */
export type IdNumberDisclosure = 'whole' | 'masked' | 'birth-date' | 'age' | 'sex' | 'area' | null;

export interface IdentifyingRule {
  /** What the field needs beyond seeing the person (AccessControl.allows); null: anyone who may see the person. */
  category: FieldCategory | null;
  ofIdNumber: IdNumberDisclosure;
  description: string;
}

/**
 * The identifying fields, one rule per kind, wherever a field of the kind appears: the
 * departments' subgraphs, the situation views and the exports (each access.ts maps its fields
 * to kinds in AccessRules.identifying; the guard and the export columns read the category from
 * here). The ID number, the birth date, the sex and the place together are quasi-identifiers:
 * an account without `reveal` must not get a combination that narrows the ID number to a
 * handful. Region staff without reveal read the masked number (area code only), the village,
 * age and sex: about 365 birth dates × 500 sequences of that sex ≈ 182,500 candidates;
 * partner cities and institutions get no ID number at all and no household code (the same
 * count). tests/security/02-quasi-identifiers.property.test.ts derives every field an account
 * may select from the composed schema and these rules and checks the count.
 */
export const IDENTIFYING_KINDS = {
  'id-number': { category: 'reveal', ofIdNumber: 'whole', description: '身份证号 in full' },
  'id-number-masked': { category: 'id-number', ofIdNumber: 'masked', description: 'the masked ID number (area code only): department staff of the region' },
  'birth-date': { category: 'reveal', ofIdNumber: 'birth-date', description: 'the exact birth date is digits 7–14 of the ID number: reveal only; everyone else reads the age' },
  age: { category: null, ofIdNumber: 'age', description: 'age in whole years' },
  sex: { category: null, ofIdNumber: 'sex', description: 'sex (the parity of digit 17)' },
  village: { category: null, ofIdNumber: 'area', description: 'the village (its county is usually the area code)' },
  household: { category: 'household', ofIdNumber: 'area', description: 'the household code (village + 4 digits): department staff of the region, as the Household records' },
  phone: { category: 'reveal', ofIdNumber: null, description: 'a phone number in full' },
  'phone-masked': { category: null, ofIdNumber: null, description: 'a phone number as maskPhone prints it (138****5678)' },
} as const satisfies Record<string, IdentifyingRule>;

export type IdentifyingKind = keyof typeof IDENTIFYING_KINDS;

export function identifyingRule(kind: IdentifyingKind): IdentifyingRule {
  return IDENTIFYING_KINDS[kind];
}
