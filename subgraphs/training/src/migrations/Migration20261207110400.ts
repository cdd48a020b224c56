import { Migration } from '@mikro-orm/migrations';
import { installHistorySql, uninstallHistorySql, type HistoryCapture } from '@jiuye/common';

/**
 * The change history of the training department (common/src/history.ts): the change_history table,
 * the history_capture function and a trigger on every table holding the department's records, so
 * every insert, update or delete keeps the changed columns, who, when and from where. Every base table of the department is captured.
 * The list is written out here (not imported) so that this migration replays the same way whatever
 * the code says later.
 */
const CAPTURES: HistoryCapture[] = [
  { table: 'enrolment', key: ['id'], workerColumn: 'worker_id' },
  { table: 'certificate', key: ['id'], workerColumn: 'worker_id' },
  { table: 'training_referral', key: ['id'], workerColumn: 'worker_id' },
  { table: 'institution', key: ['id'] },
  { table: 'course', key: ['id'] },
  { table: 'training_class', key: ['id'] },
];

export class Migration20261207110400 extends Migration {
  override async up(): Promise<void> {
    for (const sql of installHistorySql(CAPTURES)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of uninstallHistorySql(CAPTURES)) this.addSql(sql);
  }
}
