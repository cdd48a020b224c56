import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { EnrolmentStatus } from '../enrolment/enrolment.entity';
import { TrainingClass } from './training-class.entity';

export function createTrainingClassLoaders(em: EntityManager) {
  return {
    classById: oneLoader<number, TrainingClass>(
      (ids) => em.find(TrainingClass, { id: { $in: [...ids] } }),
      (trainingClass) => trainingClass.id,
    ),
    /** class id → places taken (enrolled or completed); one grouped query per batch of classes. */
    placesTakenByClass: oneLoader<number, { classId: number; taken: number }>(
      async (ids) => {
        const rows: { class_id: number; taken: number }[] = await em
          .getConnection()
          .execute(`select class_id, count(*)::int as taken from enrolment where class_id in (?) and status <> ? and confirmation <> 'REJECTED' group by class_id`, [
            [...ids],
            EnrolmentStatus.DROPPED,
          ]);
        return rows.map((row) => ({ classId: row.class_id, taken: row.taken }));
      },
      (row) => row.classId,
    ),
  };
}
