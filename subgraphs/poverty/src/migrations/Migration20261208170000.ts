import { Migration } from '@mikro-orm/migrations';

/**
 * 应登尽登 (issue 14): the current members of every registered household, published to the read
 * model (situation_source_v1.household_member) so that it can find working-age members of poor
 * households who are not in hr's labour registry, and answer a person-level lookup for people
 * poverty knows and hr does not. A new view beside the others (none redefined). The table's
 * outbox trigger (worker_id, household_code) already tells the feed when a member joins or leaves.
 */
export class Migration20261208170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "situation_source_v1"."household_member" as
      select worker_id, household_code, id_number, name, sex, birth_date from "household_member" where removed_on is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."household_member";`);
  }
}
