import { Migration } from '@mikro-orm/migrations';

/**
 * What hr publishes to the situation read model: the schema situation_source_v1, one view per
 * thing the read model reads, exactly the columns it reads. The read model's role may read these
 * views and nothing else of hr (besides taking outbox rows); hr may change its tables freely
 * behind them. The contract (names and types) is declared in src/published-views.ts and tested
 * in test/published-views.test.ts. A view of v1 is never redefined: a change the read model must
 * see goes into situation_source_v2 beside it, the read model moves, then v1 is dropped.
 */
export class Migration20261206130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema "situation_source_v1";`);
    this.addSql(
      `comment on schema "situation_source_v1" is 'Published to the situation read model (version 1): views it reads, owned by this department. Do not redefine; add situation_source_v2 beside it.';`,
    );
    this.addSql(`create view "situation_source_v1"."worker" as
      select id, id_number, name, sex, birth_date, household_code, village_code, population_status, employment_status,
             employment_intention, skill_level, education, training_wish, verified_on
        from "worker";`);
    this.addSql(`create view "situation_source_v1"."employment" as
      select id, worker_id, kind, place, employer_name, starts_on, ends_on, end_reason from "employment";`);
    this.addSql(`create view "situation_source_v1"."subsidy_payment" as
      select id, worker_id, kind, amount, paid_on from "subsidy_payment";`);
    this.addSql(`create view "situation_source_v1"."job_fair_intention" as
      select id, worker_id, fair_id, reached_on from "job_fair_intention";`);
    // A welfare-post assignment with the kind of its post.
    this.addSql(`create view "situation_source_v1"."welfare_post_assignment" as
      select a.id, a.post_id, a.worker_id, a.starts_on, a.ends_on, p.kind as post_kind
        from "welfare_post_assignment" a join "welfare_post" p on p.id = a.post_id;`);
    this.addSql(`create view "situation_source_v1"."record_verification" as
      select id, worker_id, verified_on, outcome from "record_verification";`);
    this.addSql(`create view "situation_source_v1"."division" as
      select code, name, level, parent_code from "division";`);
    this.addSql(`create view "situation_source_v1"."welfare_post" as
      select id, village_code, kind, annual_allowance from "welfare_post";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "situation_source_v1" cascade;`);
  }
}
