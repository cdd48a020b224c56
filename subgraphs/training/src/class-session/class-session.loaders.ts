import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { ClassSession } from './class-session.entity';

export function createClassSessionLoaders(em: EntityManager) {
  return {
    /** class id → its schedule by day and start time; one query per batch of classes. */
    sessionsByClass: manyLoader<number, ClassSession>(
      (ids) => em.find(ClassSession, { classId: { $in: [...ids] } }, { orderBy: [{ heldOn: 'asc' }, { startsAt: 'asc' }, { id: 'asc' }] }),
      (session) => session.classId,
    ),
  };
}
