import { Migration } from '@mikro-orm/migrations';

/**
 * What poverty publishes to the situation read model: the schema situation_source_v1, one view
 * per thing the read model reads, exactly the columns it reads. The read model's role may read
 * these views and nothing else of poverty (besides taking outbox rows). The contract is declared
 * in src/published-views.ts and tested in test/published-views.test.ts. A view of v1 is never
 * redefined: a change goes into situation_source_v2 beside it, the read model moves, v1 is dropped.
 */
export class Migration20261206130100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema "situation_source_v1";`);
    this.addSql(
      `comment on schema "situation_source_v1" is 'Published to the situation read model (version 1): views it reads, owned by this department. Do not redefine; add situation_source_v2 beside it.';`,
    );
    this.addSql(`create view "situation_source_v1"."household" as
      select code, poverty_status, status_since from "household";`);
    // Who answers for a household over time; the read model picks the one in charge on its own date.
    this.addSql(`create view "situation_source_v1"."household_responsibility" as
      select household_code, cadre_id, unit_id, since, until from "household_responsibility";`);
    this.addSql(`create view "situation_source_v1"."cadre" as
      select id, name, phone from "cadre";`);
    this.addSql(`create view "situation_source_v1"."responsible_unit" as
      select id, name from "responsible_unit";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "situation_source_v1" cascade;`);
  }
}
