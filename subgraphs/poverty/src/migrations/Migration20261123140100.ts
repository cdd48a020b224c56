import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of the poverty department: every insert, update or delete of the
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
    this.addSql(`create trigger "household_outbox" after insert or update or delete on "household" for each row execute function "outbox_capture"('', 'code');`);
    this.addSql(
      `create trigger "household_member_outbox" after insert or update or delete on "household_member" for each row execute function "outbox_capture"('worker_id', 'household_code');`,
    );
    this.addSql(
      `create trigger "household_responsibility_outbox" after insert or update or delete on "household_responsibility" for each row execute function "outbox_capture"('', 'household_code');`,
    );
    this.addSql(
      `create trigger "poverty_status_change_outbox" after insert or update or delete on "poverty_status_change" for each row execute function "outbox_capture"('', 'household_code');`,
    );
    this.addSql(`create trigger "cadre_outbox" after insert or update or delete on "cadre" for each row execute function "outbox_capture"('', '');`);
    this.addSql(`create trigger "responsible_unit_outbox" after insert or update or delete on "responsible_unit" for each row execute function "outbox_capture"('', '');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "household_outbox" on "household";`);
    this.addSql(`drop trigger if exists "household_member_outbox" on "household_member";`);
    this.addSql(`drop trigger if exists "household_responsibility_outbox" on "household_responsibility";`);
    this.addSql(`drop trigger if exists "poverty_status_change_outbox" on "poverty_status_change";`);
    this.addSql(`drop trigger if exists "cadre_outbox" on "cadre";`);
    this.addSql(`drop trigger if exists "responsible_unit_outbox" on "responsible_unit";`);
    this.addSql(`drop function if exists "outbox_capture"();`);
    this.addSql(`drop table if exists "outbox";`);
  }
}
