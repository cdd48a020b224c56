import { Migration } from '@mikro-orm/migrations';
import { installHistorySql, uninstallHistorySql, type HistoryCapture } from '@jiuye/common';

/**
 * The change history of the poverty department (common/src/history.ts): the change_history table,
 * the history_capture function and a trigger on every table holding the department's records, so
 * every insert, update or delete keeps the changed columns, who, when and from where. Every base table of the department is captured.
 * The list is written out here (not imported) so that this migration replays the same way whatever
 * the code says later.
 */
const CAPTURES: HistoryCapture[] = [
  { table: 'household', key: ['code'], householdColumn: 'code' },
  { table: 'household_member', key: ['id'], workerColumn: 'worker_id', householdColumn: 'household_code' },
  { table: 'poverty_status_change', key: ['id'], householdColumn: 'household_code' },
  { table: 'household_responsibility', key: ['id'], householdColumn: 'household_code' },
  { table: 'cadre', key: ['id'] },
  { table: 'responsible_unit', key: ['id'] },
  { table: 'relocation_site', key: ['id'] },
];

export class Migration20261207110200 extends Migration {
  override async up(): Promise<void> {
    for (const sql of installHistorySql(CAPTURES)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of uninstallHistorySql(CAPTURES)) this.addSql(sql);
  }
}
