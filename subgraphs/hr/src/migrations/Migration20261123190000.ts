import { Migration } from '@mikro-orm/migrations';

/** The verifier's account id as long as a token's subject may be (128), not 64. */
export class Migration20261123190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "record_verification" alter column "verified_by" type varchar(128);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "record_verification" alter column "verified_by" type varchar(64);`);
  }
}
