import { SERVICE_RECORD_VIEW_COLUMNS, type PublishedViews } from '@jiuye/common';

/**
 * What partner publishes to the situation read model (situation_source_v1, created by its migration
 * and tested in test/published-views.test.ts): every column the read model reads, with its type.
 * Changing a line here means changing the read model's contract: publish situation_source_v2
 * instead (see common/src/published-views.ts).
 */
export const publishedViews: PublishedViews = {
  // visits of county-confirmed transfers, with the transferred worker
  confirmed_follow_up_visit: [
    ['id', 'integer'],
    ['transfer_id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['visited_on', 'date'],
    ['still_employed', 'boolean'],
  ],
  // county-confirmed transfers only (hole 7)
  confirmed_transfer: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['city_code', 'character varying(4)'],
    ['started_on', 'date'],
    ['ended_on', 'date'],
  ],
  partner_city: [
    ['code', 'character varying(4)'],
    ['name', 'character varying(60)'],
  ],
  // 一人一案: the department's service records (common/src/service-record)
  service_record: SERVICE_RECORD_VIEW_COLUMNS,
};
