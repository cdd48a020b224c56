import { Migration } from '@mikro-orm/migrations';

/**
 * Kept counts per village (the projector updates a village's row in the same transaction as its
 * people), so that a county's roster totals and stock indicators add up a few hundred rows
 * instead of counting a million; and one partial index per roster, so that a page of a rare
 * roster does not walk the whole region to find its first 50 members.
 */
export class Migration20261123160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "village_counts" (
      "village_code" varchar(12) collate "C" primary key,
      "real_name" int not null default 0,
      "able_labourers" int not null default 0,
      "poor_labourers" int not null default 0,
      "employed" int not null default 0,
      "unemployed" int not null default 0,
      "employment_intention" int not null default 0,
      "training_needs" int not null default 0,
      "not_lifted_poor" int not null default 0,
      "relapse_risk" int not null default 0,
      "marginal" int not null default 0,
      "other_province_poor_working_here" int not null default 0,
      "employed_poor" int not null default 0,
      "able_employed" int not null default 0,
      "able_employed_in_township" int not null default 0,
      "able_employed_in_county" int not null default 0,
      "able_employed_out_of_county_in_province" int not null default 0,
      "able_employed_out_of_province" int not null default 0,
      "able_employed_unknown_place" int not null default 0,
      "zero_employment_households" int not null default 0,
      "counted_at" timestamptz not null default now()
    );`);
    // When a member's job last ended: the "household lost its only job" warning reads it without visiting members.
    this.addSql(`alter table "household_situation" add column "last_employment_ended_on" date null;`);
    this.addSql(
      `create index "household_situation_lost_job_index" on "household_situation" ("village_code", "code") where poverty_status is not null and employed_members = 0 and last_employment_ended_on is not null;`,
    );
    const partial = (name: string, where: string, include = '') =>
      this.addSql(`create index "person_situation_${name}_index" on "person_situation" ("village_code", "worker_id")${include} where ${where};`);
    partial('poor_labourers', `poverty_status in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE')`);
    partial('unemployed', `employment_status = 'UNEMPLOYED'`);
    partial('training_needs', `training_wish is not null`);
    partial('two_after_youth', `education in ('JUNIOR_HIGH', 'SENIOR_HIGH') and population_status <> 'STUDENT'`, ' include ("birth_date")');
    partial('not_lifted_poor', `poverty_status = 'NOT_LIFTED'`);
    partial('relapse_risk', `poverty_status = 'LIFTED_UNSTABLE'`);
    partial('marginal', `poverty_status in ('MARGINAL', 'SUDDEN_HARDSHIP')`);
    partial('other_province', `left(id_number, 2) <> left(village_code, 2) and employment_status = 'EMPLOYED'`);
  }
}
