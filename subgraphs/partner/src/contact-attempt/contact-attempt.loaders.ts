import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { ContactAttempt } from './contact-attempt.entity';

const NEWEST_FIRST = { orderBy: { attemptedAt: 'desc', id: 'desc' } } as const;

export function createContactAttemptLoaders(em: EntityManager) {
  return {
    attemptsByWorker: manyLoader<string, ContactAttempt>(
      (ids) => em.find(ContactAttempt, { workerId: { $in: [...ids] } }, NEWEST_FIRST),
      (attempt) => attempt.workerId,
    ),
    attemptsByTransfer: manyLoader<number, ContactAttempt>(
      (ids) => em.find(ContactAttempt, { transferId: { $in: [...ids] } }, NEWEST_FIRST),
      (attempt) => attempt.transferId!,
    ),
    attemptsByVisit: manyLoader<number, ContactAttempt>(
      (ids) => em.find(ContactAttempt, { followUpVisitId: { $in: [...ids] } }, NEWEST_FIRST),
      (attempt) => attempt.followUpVisitId!,
    ),
  };
}
