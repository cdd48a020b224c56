import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13 leftover: the read model's copy of hr's public-welfare posts gets the days each post
 * opened and closed (hr's situation_source_v1.welfare_post_v2), so the indicators count a post as
 * developed on the stock day only while it is open then (indicator.service.ts villageFigures).
 * Empty until the copy is next taken (a rebuild, or the feed after hr changes a post): an empty
 * opening day counts as open since ever, an empty closing day as still open.
 */
export class Migration20261209600100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "welfare_post" add column "opened_on" date null, add column "closed_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "welfare_post" drop column "opened_on", drop column "closed_on";`);
  }
}
