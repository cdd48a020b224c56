import { Migration } from '@mikro-orm/migrations';

/**
 * hr keeps its reference data in the graph (issue 13): employers get their certification date
 * (认定), a closing date (closed, never deleted: employments and postings point to them) and,
 * for employers outside the county, the office that keeps their record; postings are closed
 * (filled, withdrawn, expired); fairs get their venue, organiser, attendance, cancellation and
 * the employers and postings that take part; welfare posts get where they are kept (agency),
 * who manages and funds them, when they were opened and closed, and the oldest holder they
 * take. Every new column is empty or defaulted, so existing rows stay valid as they are.
 */
export class Migration20261207130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "employer" add column "certified_on" date null, add column "closed_on" date null, add column "close_reason" varchar(200) null, add column "kept_by_code" varchar(12) null;`,
    );
    this.addSql(`create index "employer_kept_by_code_index" on "employer" ("kept_by_code");`);

    this.addSql(`alter table "job_posting" add column "closed_on" date null, add column "close_reason" text check ("close_reason" in ('FILLED', 'WITHDRAWN', 'EXPIRED')) null;`);
    this.addSql(`alter table "job_posting" add constraint "job_posting_closed_with_reason" check (("closed_on" is null) = ("close_reason" is null));`);

    this.addSql(
      `alter table "job_fair" add column "venue" varchar(100) null, add column "organiser" varchar(100) null, add column "attendance" int null, add column "cancelled_on" date null, add column "cancel_reason" varchar(200) null;`,
    );
    this.addSql(`alter table "job_fair" add constraint "job_fair_attendance_not_negative" check ("attendance" is null or "attendance" >= 0);`);
    this.addSql(
      `create table "job_fair_employer" ("id" serial primary key, "fair_id" int not null, "employer_id" int not null, constraint "job_fair_employer_fair_id_employer_id_unique" unique ("fair_id", "employer_id"));`,
    );
    this.addSql(`create index "job_fair_employer_employer_id_index" on "job_fair_employer" ("employer_id");`);
    this.addSql(
      `create table "job_fair_posting" ("id" serial primary key, "fair_id" int not null, "posting_id" int not null, constraint "job_fair_posting_fair_id_posting_id_unique" unique ("fair_id", "posting_id"));`,
    );
    this.addSql(`create index "job_fair_posting_posting_id_index" on "job_fair_posting" ("posting_id");`);

    this.addSql(
      `alter table "welfare_post" add column "agency" varchar(100) null, add column "managing_department" varchar(50) null, ` +
        `add column "funding_source" text check ("funding_source" in ('EMPLOYMENT_FUND', 'LINKAGE_FUND', 'SECTOR_FUND', 'COUNTY_BUDGET', 'VILLAGE_COLLECTIVE')) null, ` +
        `add column "opened_on" date null, add column "closed_on" date null, add column "close_reason" varchar(200) null, add column "max_holder_age" smallint not null default 60;`,
    );
    this.addSql(`alter table "welfare_post" add constraint "welfare_post_max_holder_age" check ("max_holder_age" between 60 and 65);`);
    // No double post: a worker holds at most one public-welfare post at a time (the service checks first).
    this.addSql(`create unique index "welfare_post_assignment_one_post_per_worker" on "welfare_post_assignment" ("worker_id") where "ends_on" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "welfare_post_assignment_one_post_per_worker";`);
    this.addSql(
      `alter table "welfare_post" drop constraint if exists "welfare_post_max_holder_age", drop column "agency", drop column "managing_department", drop column "funding_source", drop column "opened_on", drop column "closed_on", drop column "close_reason", drop column "max_holder_age";`,
    );
    this.addSql(`drop table if exists "job_fair_posting";`);
    this.addSql(`drop table if exists "job_fair_employer";`);
    this.addSql(
      `alter table "job_fair" drop constraint if exists "job_fair_attendance_not_negative", drop column "venue", drop column "organiser", drop column "attendance", drop column "cancelled_on", drop column "cancel_reason";`,
    );
    this.addSql(`alter table "job_posting" drop constraint if exists "job_posting_closed_with_reason", drop column "closed_on", drop column "close_reason";`);
    this.addSql(`drop index if exists "employer_kept_by_code_index";`);
    this.addSql(`alter table "employer" drop column "certified_on", drop column "closed_on", drop column "close_reason", drop column "kept_by_code";`);
  }
}
