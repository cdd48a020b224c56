import { Migration } from '@mikro-orm/migrations';
import { dropHistoryTriggerSql, dropOutboxTriggerSql, historyTriggerSql, outboxTriggerSql, type HistoryCapture } from '@jiuye/common';

/**
 * Issue 14, 防返贫动态监测: a relapse-monitoring case per household (risk types, entry route and the
 * warning rule that raised it, step CANDIDATE → VILLAGE_REVIEWED → TOWNSHIP_CHECKED →
 * COUNTY_APPROVED → EXITED, or REJECTED), every step (who, when, note) and the assistance
 * measures. At most one open case per household. Each table keeps its change history; the case
 * is captured by the outbox and published to the read model (situation_source_v1.monitoring_case:
 * the step of each case, so situation leaves households under an open case out of its candidates).
 * Written out here, not imported, so this migration replays the same way whatever the code says later.
 */
const CAPTURES: HistoryCapture[] = [
  { table: 'monitoring_case', key: ['id'], householdColumn: 'household_code' },
  { table: 'monitoring_transition', key: ['id'], householdColumn: 'household_code' },
  { table: 'monitoring_measure', key: ['id'], householdColumn: 'household_code' },
];

const STEPS = `('CANDIDATE', 'VILLAGE_REVIEWED', 'TOWNSHIP_CHECKED', 'COUNTY_APPROVED', 'EXITED', 'REJECTED')`;

export class Migration20261208120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "monitoring_case" (
        "id" serial primary key,
        "household_code" varchar(16) not null references "household" ("code"),
        "risk_types" text[] not null check (cardinality("risk_types") > 0 and "risk_types" <@ array['ILLNESS', 'DISABILITY', 'SCHOOLING_COSTS', 'DISASTER', 'UNSTABLE_WORK', 'OTHER']),
        "entry_route" text check ("entry_route" in ('SELF_REPORT', 'CADRE_SCREENING', 'DEPARTMENT_DATA')) not null,
        "source_rule" varchar(60) null,
        "step" text check ("step" in ${STEPS}) not null,
        "opened_on" date not null,
        "opened_by" varchar(128) not null,
        "note" varchar(200) null,
        "status_before" text null,
        "status_set" text null,
        "closed_on" date null,
        "close_reason" varchar(200) null,
        "recorded_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "monitoring_case_source_rule" check (("entry_route" = 'DEPARTMENT_DATA') = ("source_rule" is not null)),
        constraint "monitoring_case_closed" check (("step" in ('EXITED', 'REJECTED')) = ("closed_on" is not null))
      );`,
    );
    this.addSql(`create index "monitoring_case_household_code_id_index" on "monitoring_case" ("household_code", "id");`);
    this.addSql(
      `create unique index "monitoring_case_open_unique" on "monitoring_case" ("household_code") where "step" in ('CANDIDATE', 'VILLAGE_REVIEWED', 'TOWNSHIP_CHECKED', 'COUNTY_APPROVED');`,
    );
    this.addSql(
      `create table "monitoring_transition" (
        "id" serial primary key,
        "case_id" int not null references "monitoring_case" ("id"),
        "household_code" varchar(16) not null,
        "from_step" text check ("from_step" in ${STEPS}) null,
        "to_step" text check ("to_step" in ${STEPS}) not null,
        "acted_on" date not null,
        "acted_by" varchar(128) not null,
        "note" varchar(200) null,
        "recorded_at" timestamptz not null default now()
      );`,
    );
    this.addSql(`create index "monitoring_transition_case_id_index" on "monitoring_transition" ("case_id");`);
    this.addSql(
      `create table "monitoring_measure" (
        "id" serial primary key,
        "case_id" int not null references "monitoring_case" ("id"),
        "household_code" varchar(16) not null,
        "kind" text check ("kind" in ('EMPLOYMENT', 'INDUSTRY', 'EDUCATION', 'HEALTH', 'HOUSING', 'ALLOWANCE', 'INSURANCE', 'OTHER')) not null,
        "taken_on" date not null,
        "responsible" varchar(60) not null,
        "note" varchar(200) null,
        "recorded_by" varchar(128) not null,
        "recorded_at" timestamptz not null default now()
      );`,
    );
    this.addSql(`create index "monitoring_measure_case_id_index" on "monitoring_measure" ("case_id");`);
    for (const capture of CAPTURES) this.addSql(historyTriggerSql(capture));
    this.addSql(outboxTriggerSql({ table: 'monitoring_case', householdColumn: 'household_code' }));
    this.addSql(`create view "situation_source_v1"."monitoring_case" as
      select id, household_code, step from "monitoring_case";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."monitoring_case";`);
    this.addSql(dropOutboxTriggerSql('monitoring_case'));
    for (const capture of CAPTURES) this.addSql(dropHistoryTriggerSql(capture.table));
    this.addSql(`drop table if exists "monitoring_measure" cascade;`);
    this.addSql(`drop table if exists "monitoring_transition" cascade;`);
    this.addSql(`drop table if exists "monitoring_case" cascade;`);
  }
}
