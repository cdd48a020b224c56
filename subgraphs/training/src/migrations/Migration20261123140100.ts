import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of the training department: every insert, update or delete of the
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
    this.addSql(`create trigger "enrolment_outbox" after insert or update or delete on "enrolment" for each row execute function "outbox_capture"('worker_id', '');`);
    this.addSql(`create trigger "certificate_outbox" after insert or update or delete on "certificate" for each row execute function "outbox_capture"('worker_id', '');`);
    this.addSql(`create trigger "training_class_outbox" after insert or update or delete on "training_class" for each row execute function "outbox_capture"('', '');`);
    this.addSql(`create trigger "course_outbox" after insert or update or delete on "course" for each row execute function "outbox_capture"('', '');`);
    this.addSql(`create trigger "institution_outbox" after insert or update or delete on "institution" for each row execute function "outbox_capture"('', '');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "enrolment_outbox" on "enrolment";`);
    this.addSql(`drop trigger if exists "certificate_outbox" on "certificate";`);
    this.addSql(`drop trigger if exists "training_class_outbox" on "training_class";`);
    this.addSql(`drop trigger if exists "course_outbox" on "course";`);
    this.addSql(`drop trigger if exists "institution_outbox" on "institution";`);
    this.addSql(`drop function if exists "outbox_capture"();`);
    this.addSql(`drop table if exists "outbox";`);
  }
}
