import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { Enrolment } from './enrolment.entity';

export function createEnrolmentLoaders(em: EntityManager) {
  return {
    enrolmentById: oneLoader<number, Enrolment>(
      (ids) => em.find(Enrolment, { id: { $in: [...ids] } }),
      (enrolment) => enrolment.id,
    ),
    /** worker id → enrolments, newest first; one query per batch of workers. */
    enrolmentsByWorker: manyLoader<string, Enrolment>(
      (ids) => em.find(Enrolment, { workerId: { $in: [...ids] } }, { orderBy: { enrolledOn: 'desc', id: 'desc' } }),
      (enrolment) => enrolment.workerId,
    ),
    /** class id → its trainees in enrolment order; one query per batch of classes. */
    enrolmentsByClass: manyLoader<number, Enrolment>(
      (ids) => em.find(Enrolment, { classId: { $in: [...ids] } }, { orderBy: { enrolledOn: 'asc', id: 'asc' } }),
      (enrolment) => enrolment.classId,
    ),
  };
}
