import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14, 一人一案: every department's service records, kept per person by the projector from
 * the departments' situation_source_v1.service_record views (a row's key is its department and
 * its id there). The timeline reads a person's rows newest first; the roster filter "no service
 * in the last N days" reads the window's rows (by day) against the roster.
 */
export class Migration20261208110500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "person_service" (
      "department" text not null,
      "id" int not null,
      "worker_id" varchar(32) not null,
      "village_code" varchar(12) not null,
      "kind" text not null,
      "served_on" date not null,
      "staff_account" varchar(200) not null,
      "outcome" text null,
      "channel" text null,
      "posting_source" text null,
      "posting_ids" text[] not null default '{}',
      "course_id" int null,
      "class_id" int null,
      "case_status" text null,
      "closed_on" date null,
      primary key ("department", "id")
    );`);
    this.addSql(`create index "person_service_worker_served_index" on "person_service" ("worker_id", "served_on" desc, "department", "id" desc);`);
    // The roster filter over a whole county: the services of the window, whoever they are for.
    this.addSql(`create index "person_service_served_worker_index" on "person_service" ("served_on", "worker_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "person_service";`);
  }
}
