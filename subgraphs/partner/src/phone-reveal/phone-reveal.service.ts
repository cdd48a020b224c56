import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The phone recorded with the worker's latest county-confirmed transfer to the city (newest start
 * first), or null when the worker has none there. Visibility (the follow-up period) is the
 * authority's: the caller asks it first.
 */
export async function revealablePhone(em: EntityManager, workerId: string, cityCode: string): Promise<{ transferId: number; phone: string | null } | null> {
  const [row] = await em.getConnection().execute<{ id: number; phone: string | null }[]>(
    `select id, phone from transfer
      where worker_id = ? and city_code = ? and confirmation = 'CONFIRMED'
      order by started_on desc, id desc limit 1`,
    [workerId, cityCode],
  );
  return row ? { transferId: Number(row.id), phone: row.phone } : null;
}
