import type { Sql } from '../db';
import { REGISTERED_POOR } from '../sql/conditions';
import type { PartnerAssessment } from './assessment-poor.types';

/** Confirmed transfers to the city whose first working day lies in the year, of workers now registered poor; $4 the region prefix ('' for all). */
export async function registeredPoorTransfers(sql: Sql, assessment: PartnerAssessment, region: string): Promise<number> {
  const row = await sql.one<{ n: number }>(
    `select count(*)::int as n from transfer_spell t join person_situation p on p.worker_id = t.worker_id
      where t.city_code = $1 and t.started_on between $2::date and $3::date and t.village_code like $4 || '%' and ${REGISTERED_POOR}`,
    [assessment.cityCode, `${assessment.year}-01-01`, `${assessment.year}-12-31`, region],
  );
  return row?.n ?? 0;
}
