import { Migration } from '@mikro-orm/migrations';
import { dropServiceRecordV1Sql, serviceRecordV1Sql } from '@jiuye/common';

/**
 * Issue 14, 一人一案: the department's service records (common/src/service-record), with their
 * outbox and history triggers and the published view situation_source_v1.service_record the read
 * model joins into one timeline per person. serviceRecordV1Sql is frozen (a change is a v2).
 */
export class Migration20261208110200 extends Migration {
  override async up(): Promise<void> {
    for (const sql of serviceRecordV1Sql()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropServiceRecordV1Sql()) this.addSql(sql);
  }
}
