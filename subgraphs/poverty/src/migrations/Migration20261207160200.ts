import { Migration } from '@mikro-orm/migrations';
import { dropHistoryTriggerSql, historyTriggerSql, type HistoryCapture } from '@jiuye/common';

/**
 * Change history (common/src/history.ts) for the tables of the reference data (cadres' postings, units' pairings with villages) added after the department's
 * history was installed (Migration20261207110200). Written out here, not imported, so this migration replays
 * the same way whatever the code says later.
 */
const CAPTURES: HistoryCapture[] = [
  { table: 'cadre_posting', key: ['id'] },
  { table: 'unit_pairing', key: ['id'] },
];

export class Migration20261207160200 extends Migration {
  override async up(): Promise<void> {
    for (const capture of CAPTURES) this.addSql(historyTriggerSql(capture));
  }

  override async down(): Promise<void> {
    for (const capture of CAPTURES) this.addSql(dropHistoryTriggerSql(capture.table));
  }
}
