import { Migration } from '@mikro-orm/migrations';
import { importTablesSql } from '@jiuye/common';

/** The record of spreadsheet imports (import_run, import_row): common/src/import/store.ts. */
export class Migration20261207150100 extends Migration {
  override async up(): Promise<void> {
    for (const sql of importTablesSql()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_row";`);
    this.addSql(`drop table if exists "import_run";`);
  }
}
