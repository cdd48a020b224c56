import type { EntityManager } from '@mikro-orm/postgresql';
import { createCertificateLoaders } from './certificate/certificate.loaders';
import { createClassSessionLoaders } from './class-session/class-session.loaders';
import { createCourseLoaders } from './course/course.loaders';
import { createEnrolmentLoaders } from './enrolment/enrolment.loaders';
import { createInstitutionLoaders } from './institution/institution.loaders';
import { createTrainingClassLoaders } from './training-class/training-class.loaders';

/** Fresh loaders for every request: caches never outlive one request. */
export function createLoaders(em: EntityManager) {
  return {
    ...createInstitutionLoaders(em),
    ...createCourseLoaders(em),
    ...createTrainingClassLoaders(em),
    ...createClassSessionLoaders(em),
    ...createEnrolmentLoaders(em),
    ...createCertificateLoaders(em),
  };
}

export type TrainingLoaders = ReturnType<typeof createLoaders>;
