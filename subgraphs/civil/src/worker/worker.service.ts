import type { CareDuty } from '../care-duty/care-duty.entity';
import type { PersonCircumstance } from '../person/person.entity';
import { todayInChina } from '@jiuye/common';

/**
 * Whether a person's circumstances keep them near home, so that out-of-province jobs are not
 * offered: an active care duty, or a severe disability (grade 1–2), or a grade-3 physical,
 * visual or multiple disability.
 */
export function staysNearHome(situation: PersonCircumstance | null, duties: CareDuty[], today = todayInChina()): boolean {
  const caring = duties.some((d) => d.since <= today && (d.until === null || d.until >= today));
  if (caring) return true;
  if (!situation?.disabilityKind || situation.disabilityGrade == null) return false;
  if (situation.disabilityGrade <= 2) return true;
  return situation.disabilityGrade === 3 && ['PHYSICAL', 'VISUAL', 'MULTIPLE'].includes(situation.disabilityKind);
}
