import { regionCondition } from '../sql/conditions';

/** The employment kinds hr records for a transfer (转移就业). */
export const TRANSFER_KINDS = ['TRANSFER_IN_PROVINCE', 'TRANSFER_OUT_OF_PROVINCE'];

/**
 * 新增转移就业 — the transfers that started between two days (both included) in a region, from
 * both departments that record them: partner's organised transfers (transfer_spell.started_on)
 * and hr's employment spells of a transfer kind (employment_spell.starts_on). One row per
 * spell (worker_id, village_code, started_on, ended_on); count DISTINCT worker_id over it so a
 * worker recorded by both departments counts once. Each branch is served by its
 * (date, village_code) index.
 * Placeholders: $region, $from, $to are the parameter numbers to use.
 */
export function transferEventsSql(region: string, params: { region: number; from: number; to: number }): string {
  const r = (column: string) => regionCondition(column, params.region, region);
  return `select t.worker_id, t.village_code, t.started_on, t.ended_on
      from transfer_spell t
     where t.started_on between $${params.from} and $${params.to} and ${r('t.village_code')}
    union all
    select e.worker_id, e.village_code, e.starts_on, e.ends_on
      from employment_spell e
     where e.starts_on between $${params.from} and $${params.to} and ${r('e.village_code')}
       and e.kind in (${TRANSFER_KINDS.map((k) => `'${k}'`).join(', ')})`;
}
