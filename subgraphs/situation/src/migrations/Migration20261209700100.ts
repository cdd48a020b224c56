import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14 (leftover): the read model's copy of an enrolment carries who funded its class
 * (training's situation_source_v1.confirmed_enrolment_funding): the funder and, for 东西部协作
 * funding, the partner city's code — partnerAssessment's funded training counts by it. Rows
 * projected before stay empty, as training's classes did: a funder is only ever set by a change
 * of its class, and a class's change re-projects its trainees (projection/feed.ts).
 */
export class Migration20261209700100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "training_enrolment" add column "funder" text null, add column "funder_city_code" varchar(4) null;`);
    this.addSql(`create index "training_enrolment_funder_city_code_index" on "training_enrolment" ("funder_city_code", "class_starts_on") where "funder_city_code" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "training_enrolment_funder_city_code_index";`);
    this.addSql(`alter table "training_enrolment" drop column "funder_city_code", drop column "funder";`);
  }
}
