import { serviceRecordResolver } from '@jiuye/common';

/** 一人一案: hr's service records (common/src/service-record), the references it checks in its own database. */
export const ServiceRecordResolver = serviceRecordResolver('hr', { postingTable: 'job_posting' });
