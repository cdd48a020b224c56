import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16: the early warnings kept in the read model instead of evaluated over the whole region
 * per request. warning_state holds every warning that holds on warning_state_day.evaluated_for
 * (one row per rule and subject, keyed for the list's order); the feed re-evaluates the subjects
 * it re-projects, a rebuild and the first evaluation of a new day re-evaluate all
 * (warning/warning.state.ts). Until the first evaluation (no warning_state_day row) and on a day
 * not yet evaluated, the list is evaluated at query time as before.
 */
export class Migration20261210300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "warning_state" (
      "rule" text collate "C" not null,
      "subject" text collate "C" not null,
      "level_rank" smallint not null,
      "village_code" varchar(12) collate "C" not null,
      "worker_id" varchar(32) collate "C" null,
      "city_code" varchar(4) collate "C" null,
      primary key ("rule", "subject")
    );`);
    this.addSql(`create index "warning_state_order_index" on "warning_state" ("level_rank", "rule", "village_code", "subject");`);
    this.addSql(`create index "warning_state_village_index" on "warning_state" ("village_code", "rule");`);
    this.addSql(`create index "warning_state_worker_index" on "warning_state" ("worker_id") where "worker_id" is not null;`);
    this.addSql(`create index "warning_state_city_index" on "warning_state" ("city_code") where "city_code" is not null;`);
    this.addSql(
      `create table "warning_state_day" ("id" smallint primary key default 1 check ("id" = 1), "evaluated_for" date not null, "evaluated_at" timestamptz not null default now());`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "warning_state_day";`);
    this.addSql(`drop table if exists "warning_state";`);
  }
}
