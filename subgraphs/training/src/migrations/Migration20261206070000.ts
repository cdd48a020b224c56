import { Migration } from '@mikro-orm/migrations';

/**
 * Hole 7: an enrolment recorded by an institution for a worker it could not see is a pending
 * claim until county staff confirm it. Every enrolment recorded so far was arranged by the
 * county (seeded rosters), so existing rows become CONFIRMED; new rows default to PENDING, so a
 * write that forgets to decide grants nothing.
 */
export class Migration20261206070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "enrolment" add column "confirmation" text check ("confirmation" in ('PENDING', 'CONFIRMED', 'REJECTED')) not null default 'CONFIRMED', add column "decided_by" varchar(128) null, add column "decided_at" timestamptz null, add column "decision_note" varchar(200) null;`);
    this.addSql(`alter table "enrolment" alter column "confirmation" set default 'PENDING';`);
    this.addSql(`create index "enrolment_confirmation_index" on "enrolment" ("confirmation");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "enrolment_confirmation_index";`);
    this.addSql(`alter table "enrolment" drop column "confirmation", drop column "decided_by", drop column "decided_at", drop column "decision_note";`);
  }
}
