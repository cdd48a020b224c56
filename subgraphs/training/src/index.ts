import 'reflect-metadata';
import { importRunsResolver, ServiceRecord, type SubgraphModule } from '@jiuye/common';
import { Certificate } from './certificate/certificate.entity';
import { ClassSession } from './class-session/class-session.entity';
import { ClassSessionResolver } from './class-session/class-session.resolver';
import { CertificateResolver } from './certificate/certificate.resolver';
import { Course } from './course/course.entity';
import { CourseResolver } from './course/course.resolver';
import { Enrolment } from './enrolment/enrolment.entity';
import { EnrolmentResolver } from './enrolment/enrolment.resolver';
import { Institution } from './institution/institution.entity';
import { InstitutionResolver } from './institution/institution.resolver';
import { trainingAccess, trainingAuthority } from './access';
import { createLoaders, type TrainingLoaders } from './loaders';
import { migrations } from './migrations';
import { trainingImports } from './import/enrolment-import';
import { TrainingWorkerHistoryResolver, trainingHistory } from './history';
import { OutcomeResolver } from './outcome/outcome.resolver';
import { TrainingReferral } from './referral/referral.entity';
import { TrainingReferralResolver } from './referral/referral.resolver';
import { TrainingClass } from './training-class/training-class.entity';
import { TrainingClassResolver } from './training-class/training-class.resolver';
import { resolveWorkerReference, WorkerResolver } from './worker/worker.resolver';
import { Worker } from './worker/worker.type';

export { publishedViews as trainingPublishedViews } from './published-views';

/** 培训机构 / 技工学校 — training institutions: courses, classes, enrolments, attendance, certificates, employment after training. */
import { ServiceRecordResolver, serviceReferenceRoutes } from './service-record/service-record.resolver';

export const trainingSubgraph: SubgraphModule<TrainingLoaders> = {
  name: 'training',
  resolvers: [
    // 导入记录: trainingImportRuns (common/src/import/runs.ts).
    importRunsResolver('training'),
    ServiceRecordResolver,
    WorkerResolver,
    InstitutionResolver,
    CourseResolver,
    TrainingClassResolver,
    ClassSessionResolver,
    EnrolmentResolver,
    CertificateResolver,
    OutcomeResolver,
    TrainingReferralResolver,
    TrainingWorkerHistoryResolver,
  ],
  // Entity types reached only through _entities must be listed, or the schema leaves them out.
  orphanedTypes: [Worker],
  referenceResolvers: {
    Worker: resolveWorkerReference,
  },
  entities: [ServiceRecord, Institution, Course, TrainingClass, ClassSession, Enrolment, Certificate, TrainingReferral],
  migrations,
  routes: serviceReferenceRoutes,
  createLoaders,
  access: trainingAccess,
  history: trainingHistory,
  authority: trainingAuthority,
  // 培训报名名单 from spreadsheets (src/import): POST /imports/enrolments, GET /imports/runs/<id>/rejected.xlsx.
  imports: trainingImports,
};

/** The department's own vocabularies (values and labels), for the demo generator and tests. */
export { CourseKindVocabulary } from './course/course.entity';
export { EnrolmentStatusVocabulary } from './enrolment/enrolment.entity';
export { ClassFunderVocabulary, ClassStatusVocabulary } from './training-class/training-class.entity';
export { InstitutionKindVocabulary } from './institution/institution.entity';
