import { Migration } from '@mikro-orm/migrations';
import { importTablesSql, importTablesUpgradeSql } from '@jiuye/common';

/** The record of spreadsheet imports (import_run, import_row) for a partner city's 转移就业人员名单: common/src/import/store.ts. */
export class Migration20261210100000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...importTablesSql(), ...importTablesUpgradeSql()]) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_row";`);
    this.addSql(`drop table if exists "import_run";`);
  }
}
