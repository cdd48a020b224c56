import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14, 防返贫: the facts the relapse warnings and candidates read per household, kept by the
 * projector beside household_situation (derived, rebuilt with it; not versioned: no as-of answer
 * reads them): the open monitoring case (poverty), when the household's allowance ends (civil;
 * 'infinity' while a grant has no end) and the latest certification of a member's disability (civil).
 * A household without any of these facts has no row.
 */
export class Migration20261208120200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "household_relapse" (
      "code" varchar(16) collate "C" primary key,
      "village_code" varchar(12) collate "C" not null,
      "open_case_id" int null,
      "open_case_step" text null,
      "allowance_ends_on" date null,
      "disability_certified_on" date null
    );`);
    this.addSql(`create index "household_relapse_village_index" on "household_relapse" ("village_code", "code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "household_relapse";`);
  }
}
