import { Migration } from '@mikro-orm/migrations';
import { installHistorySql, uninstallHistorySql, type HistoryCapture } from '@jiuye/common';

/**
 * The change history of the hr department (common/src/history.ts): the change_history table,
 * the history_capture function and a trigger on every table holding the department's records, so
 * every insert, update or delete keeps the changed columns, who, when and from where. The one table left out is division: the statistical division catalogue (loaded from the national codes, not edited by staff).
 * The list is written out here (not imported) so that this migration replays the same way whatever
 * the code says later.
 */
const CAPTURES: HistoryCapture[] = [
  { table: 'worker', key: ['id'], workerColumn: 'id', householdColumn: 'household_code' },
  { table: 'employment', key: ['id'], workerColumn: 'worker_id' },
  { table: 'subsidy_payment', key: ['id'], workerColumn: 'worker_id' },
  { table: 'record_verification', key: ['id'], workerColumn: 'worker_id' },
  { table: 'job_fair_intention', key: ['id'], workerColumn: 'worker_id' },
  { table: 'welfare_post_assignment', key: ['id'], workerColumn: 'worker_id' },
  { table: 'welfare_post', key: ['id'] },
  { table: 'employer', key: ['id'] },
  { table: 'job_posting', key: ['id'] },
  { table: 'job_fair', key: ['id'] },
];

export class Migration20261207110100 extends Migration {
  override async up(): Promise<void> {
    for (const sql of installHistorySql(CAPTURES)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of uninstallHistorySql(CAPTURES)) this.addSql(sql);
  }
}
