import type { Sql } from '../db';
import { sqlAsOf, type AsOf } from '../history/as-of';
import type { Region } from '../region/region.types';
import { regionCondition } from '../sql/conditions';
import type { PersonRecord } from './situation-person.types';

/** The columns of a person_situation row (alias p) the views read, with the village's and township's names (PersonRecord). */
export const PERSON_SELECT = `p.worker_id, p.id_number, p.name, p.sex, p.birth_date, p.household_code, p.village_code, p.population_status,
  p.employment_status, p.employment_intention, p.skill_level, p.education, p.training_wish, p.verified_on, p.able_labourer,
  p.employment_kind, p.employment_place, p.employer_name, p.employment_started_on, p.last_employment_ended_on, p.poverty_status,
  p.assistance_kinds, p.left_behind, p.disability_grade, p.care_reasons, p.in_training, p.medium_term_completed_on, p.certified_trades,
  p.transfer_city_code, p.transfer_started_on, p.transfer_ended_on, p.last_follow_up_on,
  (select d.name from division d where d.code = p.village_code) as village_name,
  (select d.name from division d where d.code = left(p.village_code, 9)) as township_name`;

/**
 * One worker's row (now, or as of an instant) if they are placed inside the region: one
 * statement whether the worker is unknown, outside the region or inside it, so the answer and
 * the work are the same for "missing" and "out of scope". As of a past day the region test
 * applies to the village the worker lived in then.
 */
export async function personInRegion(live: Sql, workerId: string, region: Region, asOf: AsOf | null): Promise<PersonRecord | null> {
  const sql = sqlAsOf(live, asOf);
  const row = await sql.one<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.worker_id = $1 and ${regionCondition('p.village_code', 2, region.code)}`, [
    workerId,
    region.code,
  ]);
  return row ?? null;
}
