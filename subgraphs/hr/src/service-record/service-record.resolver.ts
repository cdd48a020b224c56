import { serviceRecordResolver, serviceReferencesRoute, type ServiceReferences } from '@jiuye/common';

/** What hr holds that another department's service records may name (checked here, in its own database). */
const references: ServiceReferences = { postingTable: 'job_posting', postingPeriod: { from: 'open_from', until: 'open_until', closed: 'closed_on' } };

/** 一人一案: hr's service records (common/src/service-record). */
export const ServiceRecordResolver = serviceRecordResolver('hr', references);

/** The internal route other departments ask whether a posting, course or class they name exists here. */
export const serviceReferenceRoutes = serviceReferencesRoute(references);
