import { historyTriggerSql, dropHistoryTriggerSql } from '../history';
import { dropOutboxTriggerSql, outboxTriggerSql } from '../outbox';
import { SITUATION_SOURCE_SCHEMA } from '../published-views';
import type { ViewColumns } from '../published-views';
import { PostingSourceVocabulary, RightsCaseStatusVocabulary, ServiceChannelVocabulary, ServiceKindVocabulary, ServiceOutcomeVocabulary } from './vocabulary';

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Version 1 of the service_record table, its outbox and history triggers and its published view,
 * the same in every department (their Migration2026120811xxxx). Frozen: these statements are what
 * the committed migrations ran; a change to the table is a new function (v2) called by new
 * migrations, never an edit here. The view leaves the note out: the read model has no use for
 * free text.
 */
export function serviceRecordV1Sql(): string[] {
  return [
    `create table "service_record" (
      "id" serial primary key,
      "worker_id" varchar(32) not null,
      "department" varchar(16) not null,
      "kind" text not null check ("kind" in (${inList(ServiceKindVocabulary.values)})),
      "served_on" date not null,
      "staff_account" varchar(200) not null,
      "note" varchar(500) null,
      "posting_source" text null check ("posting_source" in (${inList(PostingSourceVocabulary.values)})),
      "posting_ids" text[] not null default '{}',
      "outcome" text null check ("outcome" in (${inList(ServiceOutcomeVocabulary.values)})),
      "channel" text null check ("channel" in (${inList(ServiceChannelVocabulary.values)})),
      "course_id" int null,
      "class_id" int null,
      "case_status" text null check ("case_status" in (${inList(RightsCaseStatusVocabulary.values)})),
      "closed_on" date null,
      "recorded_at" timestamptz not null default now(),
      constraint "service_record_rights_case" check (("kind" = 'RIGHTS_PROTECTION') = ("case_status" is not null)),
      constraint "service_record_closed" check (("case_status" = 'CLOSED') = ("closed_on" is not null and "outcome" is not null) or "case_status" is null),
      constraint "service_record_postings" check (("posting_source" is null) = (cardinality("posting_ids") = 0)),
      constraint "service_record_closed_after_opened" check ("closed_on" is null or "closed_on" >= "served_on")
    );`,
    `comment on table "service_record" is '一人一案: services given to a person by this department (common/src/service-record).';`,
    `create index "service_record_worker_id_served_on_index" on "service_record" ("worker_id", "served_on");`,
    outboxTriggerSql({ table: 'service_record', workerColumn: 'worker_id' }),
    historyTriggerSql({ table: 'service_record', key: ['id'], workerColumn: 'worker_id' }),
    `create view "${SITUATION_SOURCE_SCHEMA}"."service_record" as
      select id, worker_id, kind, served_on, staff_account, outcome, channel, posting_source, posting_ids, course_id, class_id, case_status, closed_on from "service_record";`,
  ];
}

export function dropServiceRecordV1Sql(): string[] {
  return [
    `drop view if exists "${SITUATION_SOURCE_SCHEMA}"."service_record";`,
    dropHistoryTriggerSql('service_record'),
    dropOutboxTriggerSql('service_record'),
    `drop table if exists "service_record";`,
  ];
}

/** The published view as v1 created it: every record (v2 narrows it to the records not withdrawn). */
const PUBLISHED_COLUMNS = 'id, worker_id, kind, served_on, staff_account, outcome, channel, posting_source, posting_ids, course_id, class_id, case_status, closed_on';

/**
 * Version 2 (Migration2026120950xxxx in every department): a record entered in error is withdrawn
 * (作废), never deleted: who withdrew it, when and why stay on the row (and in its change history),
 * and the published view, with the same columns, leaves withdrawn records out, so the read model's
 * timeline, lastServiceOn and the roster filter stop counting them once the feed has the change.
 * Frozen like v1.
 */
export function serviceRecordV2Sql(): string[] {
  return [
    `alter table "service_record"
      add column "withdrawn_at" timestamptz null,
      add column "withdrawn_by" varchar(200) null,
      add column "withdrawal_reason" varchar(500) null,
      add constraint "service_record_withdrawn" check (
        ("withdrawn_at" is null) = ("withdrawn_by" is null) and ("withdrawn_at" is null) = ("withdrawal_reason" is null));`,
    `create or replace view "${SITUATION_SOURCE_SCHEMA}"."service_record" as
      select ${PUBLISHED_COLUMNS} from "service_record" where "withdrawn_at" is null;`,
  ];
}

export function dropServiceRecordV2Sql(): string[] {
  return [
    `create or replace view "${SITUATION_SOURCE_SCHEMA}"."service_record" as select ${PUBLISHED_COLUMNS} from "service_record";`,
    `alter table "service_record" drop constraint "service_record_withdrawn", drop column "withdrawn_at", drop column "withdrawn_by", drop column "withdrawal_reason";`,
  ];
}

/** The published view's columns (each department's src/published-views.ts spreads them in). */
export const SERVICE_RECORD_VIEW_COLUMNS: ViewColumns = [
  ['id', 'integer'],
  ['worker_id', 'character varying(32)'],
  ['kind', 'text'],
  ['served_on', 'date'],
  ['staff_account', 'character varying(200)'],
  ['outcome', 'text'],
  ['channel', 'text'],
  ['posting_source', 'text'],
  ['posting_ids', 'text[]'],
  ['course_id', 'integer'],
  ['class_id', 'integer'],
  ['case_status', 'text'],
  ['closed_on', 'date'],
];
