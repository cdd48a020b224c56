import { Migration } from '@mikro-orm/migrations';
import { dropHistoryTriggerSql, historyTriggerSql, type HistoryCapture } from '@jiuye/common';

/**
 * Change history (common/src/history.ts) for the tables of the reference data (a class's schedule) added after the department's
 * history was installed (Migration20261207110400). Written out here, not imported, so this migration replays
 * the same way whatever the code says later.
 */
const CAPTURES: HistoryCapture[] = [{ table: 'class_session', key: ['id'] }];

export class Migration20261207160400 extends Migration {
  override async up(): Promise<void> {
    for (const capture of CAPTURES) this.addSql(historyTriggerSql(capture));
  }

  override async down(): Promise<void> {
    for (const capture of CAPTURES) this.addSql(dropHistoryTriggerSql(capture.table));
  }
}
