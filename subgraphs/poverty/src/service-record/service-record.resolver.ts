import { serviceRecordResolver, type ServiceReferences } from '@jiuye/common';

/** What poverty holds that another department's service records may name (checked here, in its own database). */
const references: ServiceReferences = {};

/** 一人一案: poverty's service records (common/src/service-record). */
export const ServiceRecordResolver = serviceRecordResolver('poverty', references);
