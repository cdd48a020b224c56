import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13 leftover: the read model counted closed public-welfare posts (公益性岗位), because the
 * published situation_source_v1.welfare_post has no dates and is frozen. Its next version,
 * situation_source_v1.welfare_post_v2, is published beside it with the day each post opened and
 * closed (both may be empty: posts recorded before issue 13 have no opening day, open posts no
 * closing day). The read model moves to v2; v1 stays as it is until no read model reads it.
 */
export class Migration20261209600000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "situation_source_v1"."welfare_post_v2" as
      select id, village_code, kind, annual_allowance, opened_on, closed_on from "welfare_post";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."welfare_post_v2";`);
  }
}
