import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092130 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "contact_attempt" ("id" serial primary key, "transfer_id" int null, "follow_up_visit_id" int null, "worker_id" varchar(32) not null, "attempted_at" timestamptz not null, "channel" text check ("channel" in ('PHONE', 'VISIT', 'WECHAT')) not null, "outcome" text check ("outcome" in ('REACHED_WORKING', 'REACHED_NOT_WORKING', 'INVALID_NUMBER', 'NO_ANSWER', 'REFUSED', 'NO_COMMON_LANGUAGE', 'WRONG_PERSON', 'NOT_IN_CITY')) not null, "note" varchar(500) null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "contact_attempt_transfer_id_index" on "contact_attempt" ("transfer_id");`);
    this.addSql(`create index "contact_attempt_follow_up_visit_id_index" on "contact_attempt" ("follow_up_visit_id");`);
    this.addSql(`create index "contact_attempt_attempted_at_index" on "contact_attempt" ("attempted_at");`);
    this.addSql(`create index "contact_attempt_worker_id_attempted_at_index" on "contact_attempt" ("worker_id", "attempted_at");`);

    this.addSql(
      `create table "follow_up_visit" ("id" serial primary key, "transfer_id" int not null, "visited_on" date not null, "still_employed" boolean not null, "monthly_wage" int null, "rights_case" boolean not null, "note" varchar(500) null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "follow_up_visit_transfer_id_visited_on_index" on "follow_up_visit" ("transfer_id", "visited_on");`);

    this.addSql(
      `create table "labour_base" ("id" serial primary key, "city_code" varchar(4) not null, "name" varchar(100) not null, "kind" text check ("kind" in ('EXPORT_BASE', 'SERVICE_STATION')) not null, "address" varchar(200) not null);`,
    );
    this.addSql(`create index "labour_base_city_code_index" on "labour_base" ("city_code");`);

    this.addSql(
      `create table "partner_city" ("code" varchar(4) not null, "name" varchar(60) not null, "province" varchar(60) not null, "paired_since" date not null, "note" varchar(500) null, constraint "partner_city_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "partner_job_posting" ("id" serial primary key, "city_code" varchar(4) not null, "base_id" int null, "employer_name" varchar(100) not null, "title" varchar(100) not null, "monthly_wage" int not null, "headcount" int not null, "pushed_on" date not null, "valid_until" date not null);`,
    );
    this.addSql(`create index "partner_job_posting_city_code_index" on "partner_job_posting" ("city_code");`);
    this.addSql(`create index "partner_job_posting_base_id_index" on "partner_job_posting" ("base_id");`);
    this.addSql(`create index "partner_job_posting_valid_until_index" on "partner_job_posting" ("valid_until");`);
    this.addSql(`create index "partner_job_posting_city_code_valid_until_index" on "partner_job_posting" ("city_code", "valid_until");`);

    this.addSql(
      `create table "transfer" ("id" serial primary key, "batch_id" int not null, "worker_id" varchar(32) not null, "id_number" varchar(18) not null, "phone" varchar(20) null, "city_code" varchar(4) not null, "employer_name" varchar(100) not null, "job_title" varchar(60) not null, "started_on" date not null, "ended_on" date null, "end_reason" varchar(200) null, "fare_reimbursed" boolean not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "transfer_batch_id_index" on "transfer" ("batch_id");`);
    this.addSql(`create index "transfer_id_number_index" on "transfer" ("id_number");`);
    this.addSql(`create index "transfer_ended_on_index" on "transfer" ("ended_on");`);
    this.addSql(`create index "transfer_worker_id_started_on_index" on "transfer" ("worker_id", "started_on");`);
    this.addSql(`create index "transfer_city_code_id_index" on "transfer" ("city_code", "id");`);
    this.addSql(`create unique index "transfer_one_open_per_worker" on "transfer" ("worker_id") where "ended_on" is null;`);

    this.addSql(
      `create table "transfer_batch" ("id" serial primary key, "batch_no" varchar(20) not null, "city_code" varchar(4) not null, "departed_on" date not null, "destination" varchar(100) not null, "base_id" int null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "transfer_batch" add constraint "transfer_batch_batch_no_unique" unique ("batch_no");`);
    this.addSql(`create index "transfer_batch_base_id_index" on "transfer_batch" ("base_id");`);
    this.addSql(`create index "transfer_batch_city_code_departed_on_index" on "transfer_batch" ("city_code", "departed_on");`);
  }
}
