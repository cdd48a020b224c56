import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14 (leftover): who funds a class (资金来源) — 本地财政 (LOCAL_FISCAL), 东西部协作资金 of a
 * partner city (PARTNER_CITY, with the city's 4-digit code), 企业 (ENTERPRISE) or 其他 (OTHER).
 * Classes recorded before keep it empty. The change history of training_class (installed by
 * Migration20261207110400) captures the new columns as the others.
 *
 * Published to the read model as a new view of situation_source_v1 beside the frozen
 * confirmed_enrolment (which is not redefined): confirmed_enrolment_funding, the funder of each
 * county-confirmed enrolment's class.
 */
export class Migration20261209700000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "training_class"
         add column "funder" text null check ("funder" in ('LOCAL_FISCAL', 'PARTNER_CITY', 'ENTERPRISE', 'OTHER')),
         add column "funder_city_code" varchar(4) null check ("funder_city_code" ~ '^[0-9]{4}$'),
         add constraint "training_class_funder_city" check (("funder" = 'PARTNER_CITY') = ("funder_city_code" is not null));`,
    );
    this.addSql(`create index "training_class_funder_city_code_index" on "training_class" ("funder_city_code") where "funder_city_code" is not null;`);
    this.addSql(`create view "situation_source_v1"."confirmed_enrolment_funding" as
      select e.id, e.worker_id, k.funder, k.funder_city_code
        from "enrolment" e join "training_class" k on k.id = e.class_id
       where e.confirmation = 'CONFIRMED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "situation_source_v1"."confirmed_enrolment_funding";`);
    this.addSql(`drop index if exists "training_class_funder_city_code_index";`);
    this.addSql(`alter table "training_class" drop constraint "training_class_funder_city", drop column "funder_city_code", drop column "funder";`);
  }
}
