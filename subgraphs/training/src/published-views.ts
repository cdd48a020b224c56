import { SERVICE_RECORD_VIEW_COLUMNS, type PublishedViews } from '@jiuye/common';

/**
 * What training publishes to the situation read model (situation_source_v1, created by its migration
 * and tested in test/published-views.test.ts): every column the read model reads, with its type.
 * Changing a line here means changing the read model's contract: publish situation_source_v2
 * instead (see common/src/published-views.ts).
 */
export const publishedViews: PublishedViews = {
  certificate: [
    ['worker_id', 'character varying(32)'],
    ['trade', 'text'],
    ['issued_on', 'date'],
  ],
  // county-confirmed enrolments only (hole 7), with their class and course
  confirmed_enrolment: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['institution_id', 'integer'],
    ['course_kind', 'text'],
    ['trade', 'text'],
    ['class_starts_on', 'date'],
    ['class_ends_on', 'date'],
    ['enrolled_on', 'date'],
    ['status', 'text'],
    ['completed_on', 'date'],
    ['employed_on', 'date'],
  ],
  // the funder of each confirmed enrolment's class (资金来源; 东西部协作: the partner city), beside the frozen confirmed_enrolment
  confirmed_enrolment_funding: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['funder', 'text'],
    ['funder_city_code', 'character varying(4)'],
  ],
  institution: [
    ['id', 'integer'],
    ['name', 'character varying(100)'],
  ],
  // 一人一案: the department's service records (common/src/service-record)
  service_record: SERVICE_RECORD_VIEW_COLUMNS,
};
