import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090012 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "assistance_grant" ("id" serial primary key, "household_code" varchar(16) not null, "kind" text check ("kind" in ('SUBSISTENCE_ALLOWANCE', 'SPECIAL_HARDSHIP')) not null, "monthly_amount" int not null, "starts_on" date not null, "ends_on" date null, "stop_reason" varchar(200) null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "assistance_grant_household_code_starts_on_index" on "assistance_grant" ("household_code", "starts_on");`);

    this.addSql(
      `create table "care_duty" ("id" serial primary key, "worker_id" varchar(32) not null, "reason" text check ("reason" in ('ELDERLY', 'CHILD', 'DISABLED', 'ILL')) not null, "cared_for_name" varchar(60) not null, "since" date not null, "until" date null);`,
    );
    this.addSql(`create index "care_duty_worker_id_index" on "care_duty" ("worker_id");`);

    this.addSql(
      `create table "person_situation" ("worker_id" varchar(32) not null, "id_number" varchar(18) not null, "household_code" varchar(16) null, "left_behind" text check ("left_behind" in ('ELDERLY', 'CHILD', 'WOMAN')) null, "disability_kind" text check ("disability_kind" in ('VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE')) null, "disability_grade" smallint null, "disability_certified_on" date null, "updated_at" timestamptz not null default now(), constraint "person_situation_pkey" primary key ("worker_id"));`,
    );
    this.addSql(`create index "person_situation_id_number_index" on "person_situation" ("id_number");`);
    this.addSql(`create index "person_situation_household_code_index" on "person_situation" ("household_code");`);
  }
}
