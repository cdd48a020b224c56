import { Migration } from '@mikro-orm/migrations';

/**
 * Hole 7: an enrolment recorded by an institution for a worker it could not see is a pending
 * claim until county staff confirm it. Every enrolment recorded so far was arranged by the
 * county (seeded rosters), so existing rows become CONFIRMED; new rows default to PENDING, so a
 * write that forgets to decide grants nothing. training_referral holds the county's referrals
 * (培训推荐) that confirm an institution's enrolment at once.
 */
export class Migration20261206070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "enrolment" add column "confirmation" text check ("confirmation" in ('PENDING', 'CONFIRMED', 'REJECTED')) not null default 'CONFIRMED', add column "decided_by" varchar(128) null, add column "decided_at" timestamptz null, add column "decision_note" varchar(200) null;`,
    );
    this.addSql(`alter table "enrolment" alter column "confirmation" set default 'PENDING';`);
    this.addSql(`create index "enrolment_confirmation_index" on "enrolment" ("confirmation");`);
    // Evidence issued first: the county refers a worker to an institution (or one class), and its enrolment of that worker is confirmed at once.
    this.addSql(
      `create table "training_referral" ("id" serial primary key, "worker_id" varchar(32) not null, "id_number" varchar(18) not null, "institution_id" int not null, "class_id" int null, "valid_until" date not null, "note" varchar(200) null, "issued_by" varchar(128) not null, "issued_at" timestamptz not null default now(), "enrolment_id" int null);`,
    );
    this.addSql(`create index "training_referral_worker_id_institution_id_index" on "training_referral" ("worker_id", "institution_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "training_referral";`);
    this.addSql(`drop index "enrolment_confirmation_index";`);
    this.addSql(`alter table "enrolment" drop column "confirmation", drop column "decided_by", drop column "decided_at", drop column "decision_note";`);
  }
}
