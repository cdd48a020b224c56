import { Migration } from '@mikro-orm/migrations';

/** Every export of named people: who, for what purpose, which view and region, how many rows. */
export class Migration20261123150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "export_log" ("id" bigserial primary key, "staff" varchar(128) not null, "department" text not null, "purpose" text not null, "request_id" varchar(64) not null, "view" text not null, "kind" text null, "region" varchar(12) not null, "format" text not null, "rows" int null, "started_at" timestamptz not null default now(), "finished_at" timestamptz null, "outcome" text not null default 'STARTED');`,
    );
    this.addSql(`create index "export_log_started_at_index" on "export_log" ("started_at");`);
    this.addSql(`create index "export_log_staff_index" on "export_log" ("staff", "started_at");`);
  }
}
