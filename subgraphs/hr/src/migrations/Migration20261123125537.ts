import { Migration } from '@mikro-orm/migrations';

export class Migration20261123125537 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "record_verification" ("id" serial primary key, "worker_id" varchar(32) not null, "verified_on" date not null, "verified_by" varchar(64) not null, "outcome" text check ("outcome" in ('CONFIRMED', 'CORRECTED', 'MOVED_AWAY', 'DECEASED', 'NOT_REACHED')) not null, "note" varchar(500) null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "record_verification_worker_id_verified_on_index" on "record_verification" ("worker_id", "verified_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "record_verification" cascade;`);
  }
}
