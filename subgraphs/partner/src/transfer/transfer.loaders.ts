import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader, pagedChildren, todayInChina, type PageRequest } from '@jiuye/common';
import { followUpDueSql, type FollowUpDueFilter } from '../follow-up/follow-up.rhythm';
import { Transfer } from './transfer.entity';

export function createTransferLoaders(em: EntityManager) {
  return {
    transferById: oneLoader<number, Transfer>(
      (ids) => em.find(Transfer, { id: { $in: [...ids] } }),
      (transfer) => transfer.id,
    ),
    /** A worker's transfers, newest first. */
    transfersByWorker: manyLoader<string, Transfer>(
      (ids) => em.find(Transfer, { workerId: { $in: [...ids] } }, { orderBy: { startedOn: 'desc', id: 'desc' } }),
      (transfer) => transfer.workerId,
    ),
    transfersByBatch: manyLoader<number, Transfer>(
      (ids) => em.find(Transfer, { batchId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (transfer) => transfer.batchId!,
    ),
    /** PartnerCity.transfers(first, after, onlyActive): two statements per batch of cities. */
    transfersOfCity: pagedChildren<PageRequest & { onlyActive?: boolean | null; followUpDue?: FollowUpDueFilter | null }, Transfer>(
      em,
      Transfer,
      'transfer',
      'city_code',
      (transfer) => transfer.cityCode,
      (args) => ({
        sql: `${args.onlyActive ? 'and t.ended_on is null' : ''} ${args.followUpDue ? `and ${followUpDueSql(args.followUpDue, 't')}` : ''}`,
        params: args.followUpDue ? [todayInChina()] : [],
      }),
    ),
  };
}
