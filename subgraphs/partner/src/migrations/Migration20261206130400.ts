import { Migration } from '@mikro-orm/migrations';

/**
 * What partner publishes to the situation read model: the schema situation_source_v1, one view
 * per thing the read model reads, exactly the columns it reads. The read model's role may read
 * these views and nothing else of partner (besides taking outbox rows). The contract is declared
 * in src/published-views.ts and tested in test/published-views.test.ts. A view of v1 is never
 * redefined: a change goes into situation_source_v2 beside it, the read model moves, v1 is dropped.
 */
export class Migration20261206130400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema "situation_source_v1";`);
    this.addSql(
      `comment on schema "situation_source_v1" is 'Published to the situation read model (version 1): views it reads, owned by this department. Do not redefine; add situation_source_v2 beside it.';`,
    );
    // Only transfers the county confirmed are facts of a worker: a partner city's pending claim
    // must not place the worker in the read model's views (hole 7); follow-ups likewise.
    this.addSql(`create view "situation_source_v1"."confirmed_transfer" as
      select id, worker_id, city_code, started_on, ended_on from "transfer" where confirmation = 'CONFIRMED';`);
    this.addSql(`create view "situation_source_v1"."confirmed_follow_up_visit" as
      select f.id, f.transfer_id, t.worker_id, f.visited_on, f.still_employed
        from "follow_up_visit" f join "transfer" t on t.id = f.transfer_id
       where t.confirmation = 'CONFIRMED';`);
    this.addSql(`create view "situation_source_v1"."partner_city" as
      select code, name from "partner_city";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "situation_source_v1" cascade;`);
  }
}
