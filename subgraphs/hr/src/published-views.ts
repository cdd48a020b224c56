import { SERVICE_RECORD_VIEW_COLUMNS, type PublishedViews } from '@jiuye/common';

/**
 * What hr publishes to the situation read model (situation_source_v1, created by its migration
 * and tested in test/published-views.test.ts): every column the read model reads, with its type.
 * Changing a line here means changing the read model's contract: publish situation_source_v2
 * instead (see common/src/published-views.ts).
 */
export const publishedViews: PublishedViews = {
  division: [
    ['code', 'character varying(12)'],
    ['name', 'character varying(60)'],
    ['level', 'text'],
    ['parent_code', 'character varying(9)'],
  ],
  employment: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['kind', 'text'],
    ['place', 'text'],
    ['employer_name', 'character varying(100)'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
    ['end_reason', 'character varying(200)'],
  ],
  job_fair_intention: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['fair_id', 'integer'],
    ['reached_on', 'date'],
  ],
  record_verification: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['verified_on', 'date'],
    ['outcome', 'text'],
  ],
  subsidy_payment: [
    ['id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['kind', 'text'],
    ['amount', 'integer'],
    ['paid_on', 'date'],
  ],
  // Superseded by welfare_post_v2 (no dates: closed posts look open); frozen, no longer read, dropped later.
  welfare_post: [
    ['id', 'integer'],
    ['village_code', 'character varying(12)'],
    ['kind', 'text'],
    ['annual_allowance', 'integer'],
  ],
  // A post with the days it opened and closed (either may be empty), so the read model counts open posts only.
  welfare_post_v2: [
    ['id', 'integer'],
    ['village_code', 'character varying(12)'],
    ['kind', 'text'],
    ['annual_allowance', 'integer'],
    ['opened_on', 'date'],
    ['closed_on', 'date'],
  ],
  // an assignment with its post's kind
  welfare_post_assignment: [
    ['id', 'integer'],
    ['post_id', 'integer'],
    ['worker_id', 'character varying(32)'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
    ['post_kind', 'text'],
  ],
  worker: [
    ['id', 'character varying(32)'],
    ['id_number', 'character varying(18)'],
    ['name', 'character varying(60)'],
    ['sex', 'text'],
    ['birth_date', 'date'],
    ['household_code', 'character varying(16)'],
    ['village_code', 'character varying(12)'],
    ['population_status', 'text'],
    ['employment_status', 'text'],
    ['employment_intention', 'text'],
    ['skill_level', 'text'],
    ['education', 'text'],
    ['training_wish', 'text'],
    ['verified_on', 'date'],
  ],
  // 一人一案: the department's service records (common/src/service-record)
  service_record: SERVICE_RECORD_VIEW_COLUMNS,
};
