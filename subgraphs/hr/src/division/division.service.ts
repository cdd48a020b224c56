import { notFound } from '@jiuye/common';
import type { DivisionRecord } from './division.entity';

/** root `division(code)`: the scalar has checked the code's shape; NOT_FOUND when the catalogue lacks it. */
export async function findDivision(divisionByCode: { load(code: string): Promise<DivisionRecord | null> }, code: string): Promise<DivisionRecord> {
  const division = await divisionByCode.load(code);
  if (!division) throw notFound('division', 'code');
  return division;
}
