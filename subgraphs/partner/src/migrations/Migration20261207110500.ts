import { Migration } from '@mikro-orm/migrations';
import { installHistorySql, uninstallHistorySql, type HistoryCapture } from '@jiuye/common';

/**
 * The change history of the partner department (common/src/history.ts): the change_history table,
 * the history_capture function and a trigger on every table holding the department's records, so
 * every insert, update or delete keeps the changed columns, who, when and from where. Every base table of the department is captured.
 * The list is written out here (not imported) so that this migration replays the same way whatever
 * the code says later.
 */
const CAPTURES: HistoryCapture[] = [
  { table: 'transfer', key: ['id'], workerColumn: 'worker_id' },
  { table: 'contact_attempt', key: ['id'], workerColumn: 'worker_id' },
  { table: 'transfer_referral', key: ['id'], workerColumn: 'worker_id' },
  { table: 'follow_up_visit', key: ['id'] },
  { table: 'transfer_batch', key: ['id'] },
  { table: 'partner_city', key: ['code'] },
  { table: 'labour_base', key: ['id'] },
  { table: 'partner_job_posting', key: ['id'] },
];

export class Migration20261207110500 extends Migration {
  override async up(): Promise<void> {
    for (const sql of installHistorySql(CAPTURES)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of uninstallHistorySql(CAPTURES)) this.addSql(sql);
  }
}
