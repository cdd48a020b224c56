import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14 (tasks reach their assignee): the read model's household carries its responsible
 * cadre's staff account (poverty's situation_source_v1.cadre_account), so that the feed assigns
 * a new zero-employment household's task to it. Added to household_situation and its history
 * companion alike (the history trigger reads the columns from the catalogue). Rows projected
 * before stay empty until their household is re-projected: setting a cadre's account re-projects
 * every household (a change of the cadre table), and every rebuild fills it. known_person (应登尽登)
 * carries it too, for the monthly check's tasks.
 */
export class Migration20261210200100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "household_situation" add column "cadre_account" varchar(128) null;`);
    this.addSql(`alter table "household_situation_version" add column "cadre_account" varchar(128) null;`);
    this.addSql(`alter table "known_person" add column "cadre_account" varchar(128) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "known_person" drop column "cadre_account";`);
    this.addSql(`alter table "household_situation_version" drop column "cadre_account";`);
    this.addSql(`alter table "household_situation" drop column "cadre_account";`);
  }
}
