import { Migration } from '@mikro-orm/migrations';

/**
 * Hole 7: a transfer recorded by a partner city for a worker it could not see is a pending claim
 * until county staff confirm it. Every transfer recorded so far was the county's (seeded lists,
 * the county office), so existing rows become CONFIRMED; new rows default to PENDING, so a write
 * that forgets to decide grants nothing. The one-open-transfer rule counts confirmed ones only.
 * transfer_referral holds the county's referrals (转移就业推荐) that confirm a city's transfer at once.
 */
export class Migration20261206070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "transfer" add column "confirmation" text check ("confirmation" in ('PENDING', 'CONFIRMED', 'REJECTED')) not null default 'CONFIRMED', add column "decided_by" varchar(128) null, add column "decided_at" timestamptz null, add column "decision_note" varchar(200) null;`,
    );
    this.addSql(`alter table "transfer" alter column "confirmation" set default 'PENDING';`);
    this.addSql(`create index "transfer_confirmation_index" on "transfer" ("confirmation");`);
    this.addSql(`drop index "transfer_one_open_per_worker";`);
    this.addSql(`create unique index "transfer_one_open_per_worker" on "transfer" ("worker_id") where "ended_on" is null and "confirmation" = 'CONFIRMED';`);
    // Evidence issued first: the county refers a worker to a city, and the city's transfer of that worker is confirmed at once.
    this.addSql(
      `create table "transfer_referral" ("id" serial primary key, "worker_id" varchar(32) not null, "id_number" varchar(18) not null, "city_code" varchar(4) not null, "valid_until" date not null, "note" varchar(200) null, "issued_by" varchar(128) not null, "issued_at" timestamptz not null default now(), "transfer_id" int null);`,
    );
    this.addSql(`create index "transfer_referral_worker_id_city_code_index" on "transfer_referral" ("worker_id", "city_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "transfer_referral";`);
    this.addSql(`drop index "transfer_one_open_per_worker";`);
    this.addSql(`delete from "transfer" where "confirmation" <> 'CONFIRMED';`);
    this.addSql(`create unique index "transfer_one_open_per_worker" on "transfer" ("worker_id") where "ended_on" is null;`);
    this.addSql(`drop index "transfer_confirmation_index";`);
    this.addSql(`alter table "transfer" drop column "confirmation", drop column "decided_by", drop column "decided_at", drop column "decision_note";`);
  }
}
