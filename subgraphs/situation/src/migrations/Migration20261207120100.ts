import { Migration } from '@mikro-orm/migrations';

/** An export as of a past day (roster, zero-employment households) records that day; null = as of when it ran. */
export class Migration20261207120100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "export_log" add column "as_of" date null;`);
  }
}
