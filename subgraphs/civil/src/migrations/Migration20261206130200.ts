import { Migration } from '@mikro-orm/migrations';

/**
 * What civil affairs publishes to the situation read model: the schema situation_source_v1, one
 * view per thing the read model reads, exactly the columns it reads. The read model's role may
 * read these views and nothing else of civil (besides taking outbox rows). The contract is
 * declared in src/published-views.ts and tested in test/published-views.test.ts. A view of v1 is
 * never redefined: a change goes into situation_source_v2 beside it, the read model moves, v1 is
 * dropped.
 */
export class Migration20261206130200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema "situation_source_v1";`);
    this.addSql(
      `comment on schema "situation_source_v1" is 'Published to the situation read model (version 1): views it reads, owned by this department. Do not redefine; add situation_source_v2 beside it.';`,
    );
    this.addSql(`create view "situation_source_v1"."person_circumstance" as
      select worker_id, left_behind, disability_kind, disability_grade from "person_circumstance";`);
    this.addSql(`create view "situation_source_v1"."care_duty" as
      select worker_id, reason, since, until from "care_duty";`);
    this.addSql(`create view "situation_source_v1"."assistance_grant" as
      select household_code, kind, starts_on, ends_on from "assistance_grant";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "situation_source_v1" cascade;`);
  }
}
