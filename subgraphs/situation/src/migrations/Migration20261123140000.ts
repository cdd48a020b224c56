import { Migration } from '@mikro-orm/migrations';

/**
 * The situation read model: one denormalised row per worker of the labour registry and per
 * household, the dated events the indicators and the ranking count, small reference copies,
 * and the state of each department's change feed. Everything here except
 * conflict_resolution is derived and can be rebuilt from the departments
 * (npm run situation:rebuild).
 */
export class Migration20261123140000 extends Migration {
  override async up(): Promise<void> {
    // Codes are digits compared byte-wise (collate "C"): one btree index serves both the region
    // prefix filter (`village_code like '530113%'`) and keyset order.
    this.addSql(`create table "person_situation" (
      "worker_id" varchar(32) collate "C" primary key,
      "id_number" varchar(18) not null,
      "name" varchar(60) not null,
      "sex" text not null,
      "birth_date" date not null,
      "household_code" varchar(16) collate "C" not null,
      "village_code" varchar(12) collate "C" not null,
      "population_status" text not null,
      "employment_status" text not null,
      "employment_intention" text not null,
      "skill_level" text not null,
      "education" text not null,
      "training_wish" text null,
      "verified_on" date null,
      "able_labourer" boolean not null,
      "employment_id" int null,
      "employment_kind" text null,
      "employment_place" text null,
      "employer_name" varchar(100) null,
      "employment_started_on" date null,
      "last_employment_ended_on" date null,
      "last_employment_end_reason" varchar(200) null,
      "welfare_post_kind" text null,
      "poverty_status" text null,
      "poverty_status_since" date null,
      "assistance_kinds" text[] not null default '{}',
      "assistance_since" date null,
      "left_behind" text null,
      "disability_kind" text null,
      "disability_grade" smallint null,
      "care_reasons" text[] not null default '{}',
      "in_training" boolean not null default false,
      "medium_term_completed_on" date null,
      "medium_term_institution_id" int null,
      "employed_after_training_on" date null,
      "certified_trades" text[] not null default '{}',
      "transfer_id" int null,
      "transfer_city_code" varchar(4) null,
      "transfer_started_on" date null,
      "transfer_ended_on" date null,
      "last_follow_up_on" date null,
      "last_follow_up_still_employed" boolean null,
      "last_action_on" date null,
      "last_action" varchar(200) null,
      "last_action_department" text null,
      "projected_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "person_situation_village_index" on "person_situation" ("village_code", "worker_id");`);
    this.addSql(`create index "person_situation_household_index" on "person_situation" ("household_code");`);
    this.addSql(`create index "person_situation_id_number_index" on "person_situation" ("id_number");`);

    this.addSql(`create table "household_situation" (
      "code" varchar(16) collate "C" primary key,
      "village_code" varchar(12) collate "C" not null,
      "poverty_status" text null,
      "poverty_status_since" date null,
      "cadre_name" varchar(60) null,
      "cadre_phone" varchar(20) null,
      "unit_name" varchar(100) null,
      "members" int not null,
      "able_labourers" int not null,
      "employed_members" int not null,
      "last_action_on" date null,
      "last_action" varchar(200) null,
      "last_action_department" text null,
      "projected_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "household_situation_village_index" on "household_situation" ("village_code", "code");`);
    this.addSql(`create index "household_situation_zero_employment_index" on "household_situation" ("village_code", "code") where able_labourers > 0 and employed_members = 0;`);

    // Dated events (each row keeps the worker's home village at projection time).
    this.addSql(
      `create table "employment_spell" ("id" int primary key, "worker_id" varchar(32) not null, "village_code" varchar(12) collate "C" not null, "kind" text not null, "place" text not null, "starts_on" date not null, "ends_on" date null);`,
    );
    this.addSql(`create index "employment_spell_worker_index" on "employment_spell" ("worker_id");`);
    this.addSql(`create index "employment_spell_starts_index" on "employment_spell" ("starts_on", "village_code");`);
    this.addSql(
      `create table "transfer_spell" ("id" int primary key, "worker_id" varchar(32) not null, "village_code" varchar(12) collate "C" not null, "city_code" varchar(4) not null, "started_on" date not null, "ended_on" date null);`,
    );
    this.addSql(`create index "transfer_spell_worker_index" on "transfer_spell" ("worker_id");`);
    this.addSql(`create index "transfer_spell_started_index" on "transfer_spell" ("started_on", "village_code");`);
    this.addSql(
      `create table "follow_up" ("id" int primary key, "transfer_id" int not null, "worker_id" varchar(32) not null, "visited_on" date not null, "still_employed" boolean not null);`,
    );
    this.addSql(`create index "follow_up_worker_index" on "follow_up" ("worker_id");`);
    this.addSql(
      `create table "subsidy_paid" ("id" int primary key, "worker_id" varchar(32) not null, "village_code" varchar(12) collate "C" not null, "kind" text not null, "amount" int not null, "paid_on" date not null);`,
    );
    this.addSql(`create index "subsidy_paid_worker_index" on "subsidy_paid" ("worker_id");`);
    this.addSql(`create index "subsidy_paid_on_index" on "subsidy_paid" ("paid_on", "village_code");`);
    this.addSql(
      `create table "training_enrolment" ("id" int primary key, "worker_id" varchar(32) not null, "village_code" varchar(12) collate "C" not null, "institution_id" int not null, "course_kind" text not null, "trade" text not null, "class_starts_on" date not null, "class_ends_on" date not null, "enrolled_on" date not null, "status" text not null, "completed_on" date null, "employed_on" date null);`,
    );
    this.addSql(`create index "training_enrolment_worker_index" on "training_enrolment" ("worker_id");`);
    this.addSql(`create index "training_enrolment_dates_index" on "training_enrolment" ("class_starts_on", "class_ends_on");`);
    this.addSql(
      `create table "job_fair_intention" ("id" int primary key, "worker_id" varchar(32) not null, "village_code" varchar(12) collate "C" not null, "fair_id" int not null, "reached_on" date not null);`,
    );
    this.addSql(`create index "job_fair_intention_worker_index" on "job_fair_intention" ("worker_id");`);
    this.addSql(
      `create table "welfare_assignment" ("id" int primary key, "post_id" int not null, "worker_id" varchar(32) not null, "starts_on" date not null, "ends_on" date null);`,
    );
    this.addSql(`create index "welfare_assignment_worker_index" on "welfare_assignment" ("worker_id");`);
    this.addSql(`create index "welfare_assignment_post_index" on "welfare_assignment" ("post_id");`);
    this.addSql(
      `create table "record_verification" ("id" int primary key, "worker_id" varchar(32) not null, "village_code" varchar(12) collate "C" not null, "verified_on" date not null, "outcome" text not null);`,
    );
    this.addSql(`create index "record_verification_worker_index" on "record_verification" ("worker_id");`);
    this.addSql(`create index "record_verification_on_index" on "record_verification" ("verified_on", "village_code");`);

    // Small reference copies, replaced whole when their department changes them.
    this.addSql(`create table "division" ("code" varchar(12) collate "C" primary key, "name" varchar(60) not null, "level" text not null, "parent_code" varchar(9) null);`);
    this.addSql(`create table "welfare_post" ("id" int primary key, "village_code" varchar(12) collate "C" not null, "kind" text not null, "annual_allowance" int not null);`);
    this.addSql(`create table "institution" ("id" int primary key, "name" varchar(100) not null);`);
    this.addSql(`create table "partner_city" ("code" varchar(4) primary key, "name" varchar(60) not null);`);

    // The one fact the situation service owns: how an official settled a conflict between departments.
    this.addSql(
      `create table "conflict_resolution" ("id" serial primary key, "conflict_id" varchar(80) not null, "fingerprint" varchar(64) not null, "village_code" varchar(12) collate "C" not null, "kept_source" text null, "note" varchar(500) not null, "resolved_by" varchar(64) not null, "resolved_at" timestamptz not null default now());`,
    );
    this.addSql(`create unique index "conflict_resolution_conflict_fingerprint_unique" on "conflict_resolution" ("conflict_id", "fingerprint");`);

    // How far each department's changes are applied.
    this.addSql(
      `create table "source_state" ("department" text primary key, "checked_at" timestamptz null, "oldest_pending_at" timestamptz null, "last_applied_at" timestamptz null, "applied_changes" bigint not null default 0, "rebuilt_at" timestamptz null);`,
    );
  }
}
