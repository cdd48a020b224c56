import { serviceRecordResolver } from '@jiuye/common';

/** 一人一案: partner's service records (common/src/service-record), the references it checks in its own database. */
export const ServiceRecordResolver = serviceRecordResolver('partner', { postingTable: 'partner_job_posting' });
