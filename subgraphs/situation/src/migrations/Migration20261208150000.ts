import { Migration } from '@mikro-orm/migrations';
import { changeHistoryTableSql, historyCaptureFunctionSql, historyTriggerSql, dropHistoryTriggerSql } from '@jiuye/common';

/**
 * Issue 14, targets and assessment: 目标任务 set by a county's officers per region (the county,
 * a township or a village), period (a year '2026' or a quarter '2026-Q1') and measure. The
 * situation service's own records, like conflict_resolution: the rebuild (projection/feed.ts)
 * replaces the derived tables only, so targets survive it. At most one target per region, period
 * and measure; a change replaces the row, and the change history (common/src/history.ts) keeps
 * the old and new values, who and when.
 *
 * The read model had no change_history so far: it is created here unless another migration of
 * this service created it first (the capture function is `create or replace` either way).
 */
export class Migration20261208150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "assessment_target" (
        "id" serial primary key,
        "county_code" varchar(6) collate "C" not null,
        "region_code" varchar(12) collate "C" not null,
        "period" varchar(7) not null,
        "measure" text not null check ("measure" in ('NEW_TRANSFERS', 'WELFARE_POSTS', 'TRAINING_PLACES', 'EMPLOYED_POOR_LABOURERS')),
        "target" int not null check ("target" >= 0),
        "set_by" varchar(128) not null,
        "set_at" timestamptz not null default now(),
        constraint "assessment_target_region_in_county" check (left("region_code", 6) = "county_code"),
        constraint "assessment_target_period_format" check ("period" ~ '^[0-9]{4}(-Q[1-4])?$')
      );`,
    );
    this.addSql(`create unique index "assessment_target_unique" on "assessment_target" ("region_code", "period", "measure");`);
    this.addSql(`create index "assessment_target_county_index" on "assessment_target" ("county_code", "period", "measure");`);
    const existing = (await this.execute(`select to_regclass('change_history') is not null as present`)) as { present: boolean }[];
    if (!existing[0]?.present) for (const sql of changeHistoryTableSql()) this.addSql(sql);
    this.addSql(historyCaptureFunctionSql());
    this.addSql(historyTriggerSql({ table: 'assessment_target', key: ['id'] }));
  }

  override async down(): Promise<void> {
    this.addSql(dropHistoryTriggerSql('assessment_target'));
    this.addSql(`drop table if exists "assessment_target";`);
  }
}
