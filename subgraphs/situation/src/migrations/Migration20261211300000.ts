import { Migration } from '@mikro-orm/migrations';

/**
 * The tables the indicators (and the targets and rankings cut from the same tables) read, directly
 * or through the history (history/as-of.ts): a write to any of them may change a figure. A later
 * change that makes the indicators read another table adds its trigger in its own migration.
 */
const INDICATOR_INPUT_TABLES = [
  'village_counts',
  'village_counts_version',
  'person_situation',
  'person_situation_version',
  'household_situation',
  'household_situation_version',
  'division',
  'division_version',
  'history_start',
  'record_verification',
  'transfer_spell',
  'employment_spell',
  'welfare_post',
  'welfare_assignment',
  'job_fair_intention',
  'training_enrolment',
  'subsidy_paid',
] as const;

/**
 * Issue 16 (county indicators < 200 ms): the indicators' suppressed tables are kept in memory
 * after they are computed (indicator/kept.ts) and reused while their inputs are unchanged. To
 * know cheaply and exactly whether they are, every transaction that writes one of the tables
 * the indicators read notes its transaction id once in indicator_input_change (a statement
 * trigger; the transaction-local setting jiuye.indicator_change_noted keeps it to one row per
 * transaction). A computation takes pg_current_snapshot() before it reads; its tables still hold
 * while no noted transaction is invisible in that snapshot (committed after it began). Nothing
 * is locked: writers only insert their own row.
 */
export class Migration20261211300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "indicator_input_change" (
      "txid" xid8 primary key,
      "noted_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "indicator_input_change_noted_at_index" on "indicator_input_change" ("noted_at");`);
    this.addSql(`create or replace function "note_indicator_input_change"() returns trigger language plpgsql as $fn$
begin
  if current_setting('jiuye.indicator_change_noted', true) is distinct from 'on' then
    perform set_config('jiuye.indicator_change_noted', 'on', true);
    insert into indicator_input_change (txid) values (pg_current_xact_id()) on conflict (txid) do nothing;
  end if;
  return null;
end
$fn$;`);
    for (const table of INDICATOR_INPUT_TABLES) {
      this.addSql(
        `create trigger "${table}_indicator_input" after insert or update or delete or truncate on "${table}" for each statement execute function note_indicator_input_change();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of INDICATOR_INPUT_TABLES) this.addSql(`drop trigger if exists "${table}_indicator_input" on "${table}";`);
    this.addSql(`drop function if exists "note_indicator_input_change"();`);
    this.addSql(`drop table if exists "indicator_input_change";`);
  }
}
