import { Migration } from '@mikro-orm/migrations';

/**
 * 应登尽登 (issue 14). known_person: the people poverty (current members of registered
 * households, with the household's status and responsible cadre) and civil affairs know, one row
 * per department and person, kept by the feed and the rebuild from the departments' published
 * views (derived, like person_situation): the
 * completeness check compares them with hr's registry (person_situation), and person(idNumber)
 * answers for them. completeness_check: the monthly run, once per month however many replicas run.
 * The task kind UNREGISTERED_LABOURER (subject: the person's worker key).
 */
export class Migration20261208170200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "known_person" (
      "department" text not null check ("department" in ('poverty', 'civil')),
      "worker_id" varchar(32) collate "C" not null,
      "id_number" varchar(18) not null,
      "name" varchar(60) null,
      "sex" text null,
      "birth_date" date null,
      "household_code" varchar(16) collate "C" null,
      "village_code" varchar(12) collate "C" null,
      "poverty_status" text null,
      "cadre_name" varchar(60) null,
      primary key ("department", "worker_id")
    );`);
    this.addSql(`create index "known_person_worker_id_index" on "known_person" ("worker_id");`);
    this.addSql(`create index "known_person_village_index" on "known_person" ("village_code", "worker_id");`);
    this.addSql(`create index "known_person_household_index" on "known_person" ("household_code");`);
    // The completeness check: poverty's members of a region, by birth date (working age is a range on it).
    this.addSql(`create index "known_person_poverty_age_index" on "known_person" ("village_code", "birth_date") where "department" = 'poverty';`);
    this.addSql(`create table "completeness_check" ("month" varchar(7) primary key, "ran_at" timestamptz not null default now(), "opened" int not null default 0);`);
    this.addSql(`alter table "task" drop constraint if exists "task_kind_check";`);
    this.addSql(`alter table "task" add constraint "task_kind_check" check ("kind" in ('ZERO_EMPLOYMENT_HOUSEHOLD', 'WARNING', 'CONFLICT', 'UNREGISTERED_LABOURER'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "task" where "kind" = 'UNREGISTERED_LABOURER';`);
    this.addSql(`alter table "task" drop constraint if exists "task_kind_check";`);
    this.addSql(`alter table "task" add constraint "task_kind_check" check ("kind" in ('ZERO_EMPLOYMENT_HOUSEHOLD', 'WARNING', 'CONFLICT'));`);
    this.addSql(`drop table if exists "completeness_check";`);
    this.addSql(`drop table if exists "known_person";`);
  }
}
