import { Migration } from '@mikro-orm/migrations';

/**
 * Hole 7: a transfer recorded by a partner city for a worker it could not see is a pending claim
 * until county staff confirm it. Every transfer recorded so far was the county's (seeded lists,
 * the county office), so existing rows become CONFIRMED; new rows default to PENDING, so a write
 * that forgets to decide grants nothing. The one-open-transfer rule counts confirmed ones only.
 */
export class Migration20261206070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "transfer" add column "confirmation" text check ("confirmation" in ('PENDING', 'CONFIRMED', 'REJECTED')) not null default 'CONFIRMED', add column "decided_by" varchar(128) null, add column "decided_at" timestamptz null, add column "decision_note" varchar(200) null;`);
    this.addSql(`alter table "transfer" alter column "confirmation" set default 'PENDING';`);
    this.addSql(`create index "transfer_confirmation_index" on "transfer" ("confirmation");`);
    this.addSql(`drop index "transfer_one_open_per_worker";`);
    this.addSql(`create unique index "transfer_one_open_per_worker" on "transfer" ("worker_id") where "ended_on" is null and "confirmation" = 'CONFIRMED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "transfer_one_open_per_worker";`);
    this.addSql(`delete from "transfer" where "confirmation" <> 'CONFIRMED';`);
    this.addSql(`create unique index "transfer_one_open_per_worker" on "transfer" ("worker_id") where "ended_on" is null;`);
    this.addSql(`drop index "transfer_confirmation_index";`);
    this.addSql(`alter table "transfer" drop column "confirmation", drop column "decided_by", drop column "decided_at", drop column "decision_note";`);
  }
}
