import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16: the early warnings and the conflicts kept in the read model instead of evaluated over
 * the whole region per request (warning/warning.state.ts, conflict/conflict.state.ts).
 * warning_state holds every warning that holds on its day, conflict_state every conflict with the
 * fingerprint of its facts; the feed re-evaluates the subjects it re-projects, a rebuild
 * re-evaluates all (and, for the warnings, the first evaluation of a new day). kept_state says
 * per view whether the rows can be read and, for the warnings, for which day; without its row
 * (before the first evaluation, after rows were written outside the feed) the lists are
 * evaluated at query time as before.
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
    this.addSql(`create table "conflict_state" (
      "kind" text collate "C" not null,
      "subject" text collate "C" not null,
      "village_code" varchar(12) collate "C" not null,
      "worker_id" varchar(32) collate "C" null,
      "fingerprint" varchar(64) not null,
      primary key ("kind", "subject")
    );`);
    this.addSql(`create index "conflict_state_order_index" on "conflict_state" ("kind", "village_code", "subject");`);
    this.addSql(`create index "conflict_state_village_index" on "conflict_state" ("village_code", "kind");`);
    this.addSql(`create index "conflict_state_worker_index" on "conflict_state" ("worker_id") where "worker_id" is not null;`);
    this.addSql(`create table "kept_state" (
      "view" text primary key check ("view" in ('warnings', 'conflicts')),
      "evaluated_for" date null,
      "evaluated_at" timestamptz not null default now()
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kept_state";`);
    this.addSql(`drop table if exists "conflict_state";`);
    this.addSql(`drop table if exists "warning_state";`);
  }
}
