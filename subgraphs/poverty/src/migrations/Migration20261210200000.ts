import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14 (tasks reach their assignee): a cadre may carry the staff account they sign in with
 * (the `sub` of their token), set by poverty officers of the region; at most one cadre per
 * account. The read model reads it from a new view beside the others (none redefined),
 * situation_source_v1.cadre_account, to assign a zero-employment household's task to the
 * household's responsible cadre. The cadre table's outbox and history triggers already cover
 * the new column (a change re-projects every household; the old and new account are kept).
 */
export class Migration20261210200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cadre" add column "account" varchar(128) null;`);
    this.addSql(`create unique index "cadre_account_unique" on "cadre" ("account") where "account" is not null;`);
    this.addSql(`create view "situation_source_v1"."cadre_account" as
      select id, account from "cadre" where account is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."cadre_account";`);
    this.addSql(`drop index if exists "cadre_account_unique";`);
    this.addSql(`alter table "cadre" drop column "account";`);
  }
}
