import { Migration } from '@mikro-orm/migrations';
import { dropServiceRecordV2Sql, serviceRecordV2Sql } from '@jiuye/common';

/**
 * Issue 14, 一人一案: a service record entered in error is withdrawn (作废), not deleted — who, when
 * and why stay on the row; the published view situation_source_v1.service_record (same columns)
 * leaves withdrawn records out. serviceRecordV2Sql is frozen (a change is a v3).
 */
export class Migration20261209500000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of serviceRecordV2Sql()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropServiceRecordV2Sql()) this.addSql(sql);
  }
}
