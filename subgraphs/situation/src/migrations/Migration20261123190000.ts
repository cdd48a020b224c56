import { Migration } from '@mikro-orm/migrations';

/** Who resolved a conflict: as long as a token's subject may be (128), not 64. */
export class Migration20261123190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "conflict_resolution" alter column "resolved_by" type varchar(128);`);
  }
}
