import { serviceRecordResolver, serviceReferencesRoute, type ServiceReferences } from '@jiuye/common';

/** What training holds that another department's service records may name (checked here, in its own database). */
const references: ServiceReferences = { courseTable: 'course', classTable: 'training_class' };

/** 一人一案: training's service records (common/src/service-record). */
export const ServiceRecordResolver = serviceRecordResolver('training', references);

/** The internal route other departments ask whether a posting, course or class they name exists here. */
export const serviceReferenceRoutes = serviceReferencesRoute(references);
