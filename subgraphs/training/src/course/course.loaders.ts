import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { Course } from './course.entity';

export function createCourseLoaders(em: EntityManager) {
  return {
    courseById: oneLoader<number, Course>(
      (ids) => em.find(Course, { id: { $in: [...ids] } }),
      (course) => course.id,
    ),
    /** institution id → its open courses by name (closed ones: courses(includeClosed: true)); one query per batch of institutions. */
    coursesByInstitution: manyLoader<number, Course>(
      (ids) => em.find(Course, { institutionId: { $in: [...ids] }, closedOn: null }, { orderBy: { name: 'asc', id: 'asc' } }),
      (course) => course.institutionId,
    ),
  };
}
