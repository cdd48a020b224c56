import { Migration } from '@mikro-orm/migrations';
import { importTablesSql, importTablesUpgradeSql } from '@jiuye/common';

/** The record of spreadsheet imports (import_run, import_row) for 建档立卡贫困户名单: common/src/import/store.ts. */
export class Migration20261208180000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...importTablesSql(), ...importTablesUpgradeSql()]) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_row";`);
    this.addSql(`drop table if exists "import_run";`);
  }
}
