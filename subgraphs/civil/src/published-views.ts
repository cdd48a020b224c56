import { SERVICE_RECORD_VIEW_COLUMNS, type PublishedViews } from '@jiuye/common';

/**
 * What civil publishes to the situation read model (situation_source_v1, created by its migration
 * and tested in test/published-views.test.ts): every column the read model reads, with its type.
 * Changing a line here means changing the read model's contract: publish situation_source_v2
 * instead (see common/src/published-views.ts).
 */
export const publishedViews: PublishedViews = {
  assistance_grant: [
    ['household_code', 'character varying(16)'],
    ['kind', 'text'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
  ],
  care_duty: [
    ['worker_id', 'character varying(32)'],
    ['reason', 'text'],
    ['since', 'date'],
    ['until', 'date'],
  ],
  // 防返贫: when each recorded disability was certified (the read model's "disability recorded" warning).
  disability_certification: [
    ['worker_id', 'character varying(32)'],
    ['certified_on', 'date'],
  ],
  person_circumstance: [
    ['worker_id', 'character varying(32)'],
    ['left_behind', 'text'],
    ['disability_kind', 'text'],
    ['disability_grade', 'smallint'],
  ],
  // 应登尽登: where civil places each person it knows (a person-level lookup for people hr has not registered).
  person_place: [
    ['worker_id', 'character varying(32)'],
    ['id_number', 'character varying(18)'],
    ['household_code', 'character varying(16)'],
  ],
  // 一人一案: the department's service records (common/src/service-record)
  service_record: SERVICE_RECORD_VIEW_COLUMNS,
};
