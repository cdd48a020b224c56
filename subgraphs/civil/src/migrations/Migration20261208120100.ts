import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14, 防返贫: the read model's warning "disability recorded" needs when a person's disability
 * was certified, which the published person_circumstance view does not carry. A new view of
 * situation_source_v1 beside it (the existing views are not redefined): the certification date of
 * each person with a recorded disability. The table behind it is already captured by the outbox.
 */
export class Migration20261208120100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "situation_source_v1"."disability_certification" as
      select worker_id, disability_certified_on as certified_on from "person_circumstance" where disability_kind is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."disability_certification";`);
  }
}
