import type { Sql } from '../db';
import { sqlAsOf, type AsOf } from '../history/as-of';
import type { Region } from '../region/region';
import { regionCondition } from '../sql/conditions';
import { PERSON_SELECT, type PersonRecord } from './situation-person.type';

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
