import { serviceRecordResolver } from '@jiuye/common';

/** 一人一案: training's service records (common/src/service-record), the references it checks in its own database. */
export const ServiceRecordResolver = serviceRecordResolver('training', { courseTable: 'course', classTable: 'training_class' });
