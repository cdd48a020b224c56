import { Migration } from '@mikro-orm/migrations';

/**
 * 应登尽登 (issue 14): where civil affairs places each person it knows (ID number and household),
 * published to the read model (situation_source_v1.person_place) so that a person-level lookup
 * answers for people civil knows and hr does not. A new view beside person_circumstance (which
 * stays as it is). person_circumstance's outbox trigger already names the worker and household.
 */
export class Migration20261208170100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "situation_source_v1"."person_place" as
      select worker_id, id_number, household_code from "person_circumstance";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."person_place";`);
  }
}
