import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { FollowUpVisit } from './follow-up.entity';

export function createFollowUpLoaders(em: EntityManager) {
  return {
    /** A transfer's visits, newest first. */
    visitsByTransfer: manyLoader<number, FollowUpVisit>(
      (ids) => em.find(FollowUpVisit, { transferId: { $in: [...ids] } }, { orderBy: { visitedOn: 'desc', id: 'desc' } }),
      (visit) => visit.transferId,
    ),
  };
}
