import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of the hr department: every insert, update or delete of the
 * tables below writes, in the same transaction, which worker or household it touched (rows
 * with neither name a reference table). The situation read model consumes the rows
 * (subgraphs/situation/src/projection) and deletes them once applied.
 */
export class Migration20261123140100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outbox" ("id" bigserial primary key, "source" text not null, "worker_id" varchar(32) null, "household_code" varchar(16) null, "recorded_at" timestamptz not null default clock_timestamp());`,
    );
    this.addSql(
      `comment on table "outbox" is 'Transactional outbox: which worker or household a committed change touched (written by triggers in the same transaction). The situation read model consumes and deletes the rows.';`,
    );
    this.addSql(`create or replace function "outbox_capture"() returns trigger language plpgsql as $$
declare
  worker_column text := tg_argv[0];
  household_column text := tg_argv[1];
  new_row jsonb;
  old_row jsonb;
begin
  -- Bulk loads (the demo seeder) switch capture off for their session and rebuild the read model instead.
  if current_setting('jiuye.outbox_capture', true) = 'off' then
    return null;
  end if;
  if tg_op <> 'DELETE' then new_row := to_jsonb(new); end if;
  if tg_op <> 'INSERT' then old_row := to_jsonb(old); end if;
  if new_row is not null then
    insert into "outbox" ("source", "worker_id", "household_code")
    values (tg_table_name, new_row ->> worker_column, new_row ->> household_column);
  end if;
  -- A delete, or an update that moves the row to another worker or household, changes the old one too.
  if old_row is not null and (new_row is null
      or (old_row ->> worker_column) is distinct from (new_row ->> worker_column)
      or (old_row ->> household_column) is distinct from (new_row ->> household_column)) then
    insert into "outbox" ("source", "worker_id", "household_code")
    values (tg_table_name, old_row ->> worker_column, old_row ->> household_column);
  end if;
  perform pg_notify('jiuye_outbox', tg_table_name);
  return null;
end
$$;`);
    this.addSql(`create trigger "worker_outbox" after insert or update or delete on "worker" for each row execute function "outbox_capture"('id', 'household_code');`);
    this.addSql(`create trigger "employment_outbox" after insert or update or delete on "employment" for each row execute function "outbox_capture"('worker_id', '');`);
    this.addSql(`create trigger "subsidy_payment_outbox" after insert or update or delete on "subsidy_payment" for each row execute function "outbox_capture"('worker_id', '');`);
    this.addSql(
      `create trigger "job_fair_intention_outbox" after insert or update or delete on "job_fair_intention" for each row execute function "outbox_capture"('worker_id', '');`,
    );
    this.addSql(
      `create trigger "welfare_post_assignment_outbox" after insert or update or delete on "welfare_post_assignment" for each row execute function "outbox_capture"('worker_id', '');`,
    );
    this.addSql(
      `create trigger "record_verification_outbox" after insert or update or delete on "record_verification" for each row execute function "outbox_capture"('worker_id', '');`,
    );
    this.addSql(`create trigger "welfare_post_outbox" after insert or update or delete on "welfare_post" for each row execute function "outbox_capture"('', '');`);
    this.addSql(`create trigger "division_outbox" after insert or update or delete on "division" for each row execute function "outbox_capture"('', '');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "worker_outbox" on "worker";`);
    this.addSql(`drop trigger if exists "employment_outbox" on "employment";`);
    this.addSql(`drop trigger if exists "subsidy_payment_outbox" on "subsidy_payment";`);
    this.addSql(`drop trigger if exists "job_fair_intention_outbox" on "job_fair_intention";`);
    this.addSql(`drop trigger if exists "welfare_post_assignment_outbox" on "welfare_post_assignment";`);
    this.addSql(`drop trigger if exists "record_verification_outbox" on "record_verification";`);
    this.addSql(`drop trigger if exists "welfare_post_outbox" on "welfare_post";`);
    this.addSql(`drop trigger if exists "division_outbox" on "division";`);
    this.addSql(`drop function if exists "outbox_capture"();`);
    this.addSql(`drop table if exists "outbox";`);
  }
}
