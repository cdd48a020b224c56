import { Migration } from '@mikro-orm/migrations';

/**
 * What training publishes to the situation read model: the schema situation_source_v1, one view
 * per thing the read model reads, exactly the columns it reads. The read model's role may read
 * these views and nothing else of training (besides taking outbox rows). The contract is declared
 * in src/published-views.ts and tested in test/published-views.test.ts. A view of v1 is never
 * redefined: a change goes into situation_source_v2 beside it, the read model moves, v1 is dropped.
 */
export class Migration20261206130300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema "situation_source_v1";`);
    this.addSql(
      `comment on schema "situation_source_v1" is 'Published to the situation read model (version 1): views it reads, owned by this department. Do not redefine; add situation_source_v2 beside it.';`,
    );
    // Only enrolments the county confirmed are facts of a worker: an institution's pending claim
    // must not place the worker in the read model's views (hole 7). With its class and course.
    this.addSql(`create view "situation_source_v1"."confirmed_enrolment" as
      select e.id, e.worker_id, c.institution_id, c.kind as course_kind, c.trade, k.starts_on as class_starts_on, k.ends_on as class_ends_on,
             e.enrolled_on, e.status, e.completed_on, e.employed_on
        from "enrolment" e join "training_class" k on k.id = e.class_id join "course" c on c.id = k.course_id
       where e.confirmation = 'CONFIRMED';`);
    this.addSql(`create view "situation_source_v1"."certificate" as
      select worker_id, trade, issued_on from "certificate";`);
    this.addSql(`create view "situation_source_v1"."institution" as
      select id, name from "institution";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "situation_source_v1" cascade;`);
  }
}
