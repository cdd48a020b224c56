import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { Course } from './course.entity';

export function createCourseLoaders(em: EntityManager) {
  return {
    courseById: oneLoader<number, Course>(
      (ids) => em.find(Course, { id: { $in: [...ids] } }),
      (course) => course.id,
    ),
    /** institution id → its courses by name; one query per batch of institutions. */
    coursesByInstitution: manyLoader<number, Course>(
      (ids) => em.find(Course, { institutionId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } }),
      (course) => course.institutionId,
    ),
  };
}
