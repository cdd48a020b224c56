import { Migration } from '@mikro-orm/migrations';

/**
 * Who was in each export: written page by page while the file streams, read back by the gateway
 * to enter every exported person in the hash-chained access log before the download completes.
 */
export class Migration20261123180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "export_person" ("id" bigserial primary key, "export_id" bigint not null, "worker_id" varchar(32) null, "household_code" varchar(16) null, "village_code" varchar(12) not null);`,
    );
    this.addSql(`create index "export_person_export_index" on "export_person" ("export_id", "id");`);
  }
}
