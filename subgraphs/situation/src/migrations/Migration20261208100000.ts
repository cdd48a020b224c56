import { Migration } from '@mikro-orm/migrations';

/**
 * Tasks that close (issue 14): situation's own records, not projections — the rebuild of the
 * read model (projection/feed.ts) deletes only the derived tables, so these survive it.
 *
 * task: one per subject and kind (a zero-employment household, a warning "RULE:subject", a
 * conflict "KIND:subject"), reopened rather than duplicated; task_event: every transition with
 * who, when and a note; zero_employment_spell: when a household became zero-employment and when
 * it was cleared (kept by the feed), so days-to-clear is a figure; notification_outbox: what a
 * county's SMS or WeChat gateway reads (no ID numbers or names in the text); task_evaluation:
 * the daily evaluation (overdue notices), once per China day however many replicas run.
 */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "task" (
      "id" serial primary key,
      "kind" text not null check ("kind" in ('ZERO_EMPLOYMENT_HOUSEHOLD', 'WARNING', 'CONFLICT')),
      "subject" varchar(80) collate "C" not null,
      "rule" text null,
      "village_code" varchar(12) collate "C" not null,
      "household_code" varchar(16) collate "C" null,
      "worker_id" varchar(32) null,
      "status" text not null check ("status" in ('OPEN', 'ASSIGNED', 'ACKNOWLEDGED', 'CLOSED', 'REOPENED')),
      "assignee" varchar(128) null,
      "assignee_kind" text null check ("assignee_kind" in ('CADRE', 'VILLAGE_ASSISTANT', 'PARTNER_STATION', 'INSTITUTION')),
      "assignee_scope" varchar(12) null,
      "opened_on" date not null,
      "due_on" date not null,
      "outcome" text null,
      "closed_at" timestamptz null,
      "days_to_clear" int null,
      "overdue_notified_on" date null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    );`);
    this.addSql(`create unique index "task_kind_subject_unique" on "task" ("kind", "subject");`);
    this.addSql(`create index "task_village_due" on "task" ("village_code", "due_on", "id");`);
    this.addSql(`create index "task_assignee_due" on "task" ("assignee", "due_on", "id") where "assignee" is not null;`);
    this.addSql(`create table "task_event" (
      "id" bigserial primary key,
      "task_id" int not null references "task" ("id"),
      "from_status" text null,
      "to_status" text not null,
      "actor" varchar(128) not null,
      "at" timestamptz not null default now(),
      "note" varchar(500) null,
      "assignee" varchar(128) null
    );`);
    this.addSql(`create index "task_event_task" on "task_event" ("task_id", "id");`);
    this.addSql(`create table "zero_employment_spell" (
      "id" serial primary key,
      "household_code" varchar(16) collate "C" not null,
      "village_code" varchar(12) collate "C" not null,
      "started_on" date not null,
      "cleared_on" date null,
      "cleared_by" text null check ("cleared_by" in ('EMPLOYED', 'NOT_LISTED')),
      check ("cleared_on" is null or "cleared_on" >= "started_on")
    );`);
    this.addSql(`create unique index "zero_employment_spell_open" on "zero_employment_spell" ("household_code") where "cleared_on" is null;`);
    this.addSql(`create index "zero_employment_spell_household" on "zero_employment_spell" ("household_code", "started_on");`);
    this.addSql(`create index "zero_employment_spell_cleared" on "zero_employment_spell" ("cleared_on", "village_code") where "cleared_on" is not null;`);
    this.addSql(`create table "notification_outbox" (
      "id" bigserial primary key,
      "recipient" varchar(128) not null,
      "recipient_kind" text null,
      "kind" text not null check ("kind" in ('TASK_ASSIGNED', 'TASK_OVERDUE', 'TASK_REOPENED')),
      "task_id" int not null references "task" ("id"),
      "text" varchar(300) not null,
      "created_at" timestamptz not null default now(),
      "sent_at" timestamptz null
    );`);
    this.addSql(`create index "notification_outbox_unsent" on "notification_outbox" ("id") where "sent_at" is null;`);
    this.addSql(`create table "task_evaluation" ("day" date primary key, "ran_at" timestamptz not null default now(), "overdue_notices" int not null default 0);`);
  }
}
