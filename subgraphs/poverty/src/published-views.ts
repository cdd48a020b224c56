import { SERVICE_RECORD_VIEW_COLUMNS, type PublishedViews } from '@jiuye/common';

/**
 * What poverty publishes to the situation read model (situation_source_v1, created by its migration
 * and tested in test/published-views.test.ts): every column the read model reads, with its type.
 * Changing a line here means changing the read model's contract: publish situation_source_v2
 * instead (see common/src/published-views.ts).
 */
export const publishedViews: PublishedViews = {
  cadre: [
    ['id', 'integer'],
    ['name', 'character varying(60)'],
    ['phone', 'character varying(20)'],
  ],
  // Tasks reach the responsible cadre: the staff account a cadre signs in with (cadres without one are left out).
  cadre_account: [
    ['id', 'integer'],
    ['account', 'character varying(128)'],
  ],
  household: [
    ['code', 'character varying(16)'],
    ['poverty_status', 'text'],
    ['status_since', 'date'],
  ],
  // 应登尽登: current members of registered households (situation finds those hr has not registered).
  household_member: [
    ['worker_id', 'character varying(32)'],
    ['household_code', 'character varying(16)'],
    ['id_number', 'character varying(18)'],
    ['name', 'character varying(60)'],
    ['sex', 'text'],
    ['birth_date', 'date'],
  ],
  household_responsibility: [
    ['household_code', 'character varying(16)'],
    ['cadre_id', 'integer'],
    ['unit_id', 'integer'],
    ['since', 'date'],
    ['until', 'date'],
  ],
  // 防返贫监测: the step of each case (situation leaves households under an open case out of its relapse candidates).
  monitoring_case: [
    ['id', 'integer'],
    ['household_code', 'character varying(16)'],
    ['step', 'text'],
  ],
  responsible_unit: [
    ['id', 'integer'],
    ['name', 'character varying(100)'],
  ],
  // 一人一案: the department's service records (common/src/service-record)
  service_record: SERVICE_RECORD_VIEW_COLUMNS,
};
