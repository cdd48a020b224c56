import { serviceRecordResolver, serviceReferencesRoute, type ServiceReferences } from '@jiuye/common';

/** What partner holds that another department's service records may name (checked here, in its own database). */
const references: ServiceReferences = { postingTable: 'partner_job_posting', postingPeriod: { from: 'pushed_on', until: 'valid_until', closed: 'closed_on' } };

/** 一人一案: partner's service records (common/src/service-record). */
export const ServiceRecordResolver = serviceRecordResolver('partner', references);

/** The internal route other departments ask whether a posting, course or class they name exists here. */
export const serviceReferenceRoutes = serviceReferencesRoute(references);
