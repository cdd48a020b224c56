import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091429 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "division" ("code" varchar(12) not null, "name" varchar(60) not null, "level" text check ("level" in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "parent_code" varchar(9) null, constraint "division_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "division_parent_code_index" on "division" ("parent_code");`);

    this.addSql(
      `create table "employer" ("id" serial primary key, "name" varchar(100) not null, "kind" text check ("kind" in ('ENTERPRISE', 'POVERTY_WORKSHOP', 'VILLAGE_FACTORY', 'ASSISTANCE_BASE', 'COOPERATIVE')) not null, "division_code" varchar(12) not null, "credit_code" varchar(18) not null);`,
    );
    this.addSql(`create index "employer_division_code_index" on "employer" ("division_code");`);
    this.addSql(`alter table "employer" add constraint "employer_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "employer_kind_division_code_index" on "employer" ("kind", "division_code");`);

    this.addSql(
      `create table "employment" ("id" serial primary key, "worker_id" varchar(32) not null, "employer_id" int null, "employer_name" varchar(100) not null, "kind" text check ("kind" in ('LOCAL_ENTERPRISE', 'POVERTY_WORKSHOP', 'PUBLIC_WELFARE_POST', 'TRANSFER_IN_PROVINCE', 'TRANSFER_OUT_OF_PROVINCE', 'SELF_EMPLOYED', 'FLEXIBLE', 'HOME_BASED', 'FARMING')) not null, "place" text check ("place" in ('IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE')) not null, "location" varchar(100) not null, "starts_on" date not null, "ends_on" date null, "monthly_wage" int not null, "end_reason" varchar(200) null, "recorded_at" timestamptz not null default now(), constraint employment_ends_after_start check (ends_on is null or ends_on >= starts_on));`,
    );
    this.addSql(`create index "employment_employer_id_index" on "employment" ("employer_id");`);
    this.addSql(`create index "employment_worker_id_starts_on_index" on "employment" ("worker_id", "starts_on");`);
    this.addSql(`create unique index "employment_one_open_per_worker" on "employment" ("worker_id") where "ends_on" is null;`);

    this.addSql(
      `create table "job_fair" ("id" serial primary key, "name" varchar(100) not null, "held_on" date not null, "division_code" varchar(12) not null, "online" boolean not null);`,
    );
    this.addSql(`create index "job_fair_held_on_index" on "job_fair" ("held_on");`);
    this.addSql(`create index "job_fair_division_code_index" on "job_fair" ("division_code");`);

    this.addSql(
      `create table "job_fair_intention" ("id" serial primary key, "fair_id" int not null, "worker_id" varchar(32) not null, "posting_id" int not null, "reached_on" date not null);`,
    );
    this.addSql(`create index "job_fair_intention_worker_id_index" on "job_fair_intention" ("worker_id");`);
    this.addSql(`create index "job_fair_intention_posting_id_index" on "job_fair_intention" ("posting_id");`);
    this.addSql(`alter table "job_fair_intention" add constraint "job_fair_intention_fair_id_worker_id_posting_id_unique" unique ("fair_id", "worker_id", "posting_id");`);

    this.addSql(
      `create table "job_posting" ("id" serial primary key, "employer_id" int not null, "title" varchar(100) not null, "required_trade" text check ("required_trade" in ('ELECTRICIAN', 'WELDER', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'SEWING', 'EXCAVATOR', 'ECOMMERCE', 'AGRICULTURE', 'BEAUTY', 'DRIVER', 'CONSTRUCTION')) null, "min_education" text check ("min_education" in ('NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE')) null, "threshold" varchar(200) not null, "skills" varchar(500) not null, "monthly_wage_min" int not null, "monthly_wage_max" int not null, "place" text check ("place" in ('IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE')) not null, "location" varchar(100) not null, "headcount" int not null, "open_from" date not null, "open_until" date not null, constraint job_posting_wage_range check (monthly_wage_min <= monthly_wage_max));`,
    );
    this.addSql(`create index "job_posting_employer_id_index" on "job_posting" ("employer_id");`);
    this.addSql(`create index "job_posting_required_trade_index" on "job_posting" ("required_trade");`);
    this.addSql(`create index "job_posting_place_index" on "job_posting" ("place");`);
    this.addSql(`create index "job_posting_open_until_open_from_index" on "job_posting" ("open_until", "open_from");`);

    this.addSql(
      `create table "subsidy_payment" ("id" serial primary key, "worker_id" varchar(32) not null, "kind" text check ("kind" in ('ONE_OFF_EMPLOYMENT', 'TRAVEL_FARE', 'TRAINING_LIVING', 'WELFARE_POST_ALLOWANCE', 'ENTREPRENEURSHIP')) not null, "amount" int not null, "paid_on" date not null, "recorded_at" timestamptz not null default now(), constraint subsidy_payment_amount_positive check (amount > 0));`,
    );
    this.addSql(`create index "subsidy_payment_worker_id_paid_on_index" on "subsidy_payment" ("worker_id", "paid_on");`);
    this.addSql(`create unique index "subsidy_payment_one_off_once" on "subsidy_payment" ("worker_id") where "kind" = 'ONE_OFF_EMPLOYMENT';`);

    this.addSql(
      `create table "welfare_post" ("id" serial primary key, "kind" text check ("kind" in ('CLEANING', 'FOREST_RANGER', 'ROAD_MAINTENANCE', 'SECURITY_PATROL', 'LEFT_BEHIND_CARE', 'INFRASTRUCTURE_CARETAKER', 'CULTURE', 'OFFICE_SERVICE')) not null, "village_code" varchar(12) not null, "title" varchar(100) not null, "annual_allowance" int not null);`,
    );
    this.addSql(`create index "welfare_post_village_code_index" on "welfare_post" ("village_code");`);

    this.addSql(
      `create table "welfare_post_assignment" ("id" serial primary key, "post_id" int not null, "worker_id" varchar(32) not null, "employment_id" int null, "starts_on" date not null, "ends_on" date null, constraint welfare_post_assignment_ends_after_start check (ends_on is null or ends_on >= starts_on));`,
    );
    this.addSql(`create index "welfare_post_assignment_post_id_index" on "welfare_post_assignment" ("post_id");`);
    this.addSql(`create index "welfare_post_assignment_worker_id_index" on "welfare_post_assignment" ("worker_id");`);
    this.addSql(`create index "welfare_post_assignment_employment_id_index" on "welfare_post_assignment" ("employment_id");`);
    this.addSql(`create unique index "welfare_post_assignment_one_holder" on "welfare_post_assignment" ("post_id") where "ends_on" is null;`);

    this.addSql(
      `create table "worker" ("id" varchar(32) not null, "id_number" varchar(18) not null, "name" varchar(60) not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "phone" varchar(32) null, "household_code" varchar(16) not null, "village_code" varchar(12) not null, "population_status" text check ("population_status" in ('AT_HOME', 'AWAY', 'STUDENT', 'MILITARY_SERVICE', 'OTHER')) not null, "employment_status" text check ("employment_status" in ('EMPLOYED', 'UNEMPLOYED', 'NOT_SEEKING', 'UNABLE_TO_WORK')) not null, "employment_intention" text check ("employment_intention" in ('LOCAL', 'IN_PROVINCE', 'OUT_OF_PROVINCE', 'ENTREPRENEURSHIP', 'NONE')) not null, "skill_level" text check ("skill_level" in ('NONE', 'BASIC', 'INTERMEDIATE', 'ADVANCED', 'TECHNICIAN')) not null, "training_wish" text check ("training_wish" in ('ELECTRICIAN', 'WELDER', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'SEWING', 'EXCAVATOR', 'ECOMMERCE', 'AGRICULTURE', 'BEAUTY', 'DRIVER', 'CONSTRUCTION')) null, "education" text check ("education" in ('NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE')) not null, "verified_on" date null, "registered_at" timestamptz not null default now(), constraint "worker_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "worker" add constraint "worker_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "worker_training_wish_household_code_index" on "worker" ("training_wish", "household_code");`);
    this.addSql(`create index "worker_employment_intention_household_code_index" on "worker" ("employment_intention", "household_code");`);
    this.addSql(`create index "worker_population_status_household_code_index" on "worker" ("population_status", "household_code");`);
    this.addSql(`create index "worker_employment_status_household_code_index" on "worker" ("employment_status", "household_code");`);
    this.addSql(`create index "worker_household_code_id_index" on "worker" ("household_code", "id");`);
  }
}
