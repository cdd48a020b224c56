import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13: institutions maintain their catalogue through the graph.
 * - course: 等级 (skill grade 1–5 of the national scale, empty for a course without one), 学时
 *   (hours), 补贴标准 (yuan per trainee), and closed_on/close_reason (停办: no new classes).
 *   Rows the demo seeder wrote before keep them empty.
 * - training_class: the teacher, and its status: OPEN, CLOSED (结班: every trainee completed
 *   or dropped) or CANCELLED (取消: its trainees dropped with the reason), with the day and why.
 * - class_session: the schedule of a class (课程表), one row per session: day, times, topic.
 */
export class Migration20261207140200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "course"
         add column "level" int null check ("level" between 1 and 5),
         add column "hours" int null check ("hours" > 0),
         add column "subsidy_per_trainee" int null check ("subsidy_per_trainee" >= 0),
         add column "closed_on" date null,
         add column "close_reason" varchar(200) null;`,
    );
    this.addSql(
      `alter table "training_class"
         add column "teacher" varchar(50) null,
         add column "status" text check ("status" in ('OPEN', 'CLOSED', 'CANCELLED')) not null default 'OPEN',
         add column "closed_on" date null,
         add column "close_reason" varchar(200) null;`,
    );
    this.addSql(`create index "training_class_status_index" on "training_class" ("status");`);
    this.addSql(
      `create table "class_session" ("id" serial primary key, "class_id" int not null references "training_class" ("id"), "held_on" date not null, "starts_at" varchar(5) not null, "ends_at" varchar(5) not null, "topic" varchar(200) not null, constraint "class_session_times" check ("starts_at" < "ends_at"));`,
    );
    this.addSql(`create index "class_session_class_id_held_on_index" on "class_session" ("class_id", "held_on", "starts_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "class_session" cascade;`);
    this.addSql(`drop index if exists "training_class_status_index";`);
    this.addSql(`alter table "training_class" drop column "close_reason", drop column "closed_on", drop column "status", drop column "teacher";`);
    this.addSql(`alter table "course" drop column "close_reason", drop column "closed_on", drop column "subsidy_per_trainee", drop column "hours", drop column "level";`);
  }
}
