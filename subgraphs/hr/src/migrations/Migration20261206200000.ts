import { Migration } from '@mikro-orm/migrations';
import { importTablesUpgradeSql } from '@jiuye/common';

/** Imports: progress time and failure of a run (stale runs are marked interrupted), who a rejected row is about (its download is access-logged): common/src/import/store.ts. */
export class Migration20261206200000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of importTablesUpgradeSql()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "import_run_running_index";`);
    this.addSql(`drop index if exists "import_run_finished_index";`);
    this.addSql(`alter table "import_row" drop column if exists "person";`);
    this.addSql(`alter table "import_run" drop column if exists "failure", drop column if exists "progressed_at";`);
  }
}
