/**
 * The departments' transactional outbox, in one home: the SQL of the capture function and of the
 * triggers that call it. Every insert, update or delete of a captured table writes, in the same
 * transaction, which worker or household it touched (rows naming neither mark a reference table);
 * the situation read model takes the rows (subgraphs/situation/src/projection/feed.ts).
 *
 * The five departments installed this SQL in their Migration20261123140100, each from a pasted
 * copy. Those copies stay: a committed migration is frozen history (it must replay exactly what
 * every existing database ran, whatever this module says later), so they are not rewritten to
 * call this one. New migrations that (re)install capture call these functions instead, and
 * common/test/outbox.test.ts checks that what these functions produce is exactly what the
 * migrated department databases hold (pg_get_functiondef, pg_get_triggerdef), so a change here is
 * a change that needs a migration in every department.
 */

/** The NOTIFY channel the triggers signal; the feed LISTENs on it. */
export const OUTBOX_NOTIFY_CHANNEL = 'jiuye_outbox';

/** The session setting a bulk load sets to 'off' (set local) to write no outbox rows. */
export const OUTBOX_CAPTURE_SETTING = 'jiuye.outbox_capture';

/** `create or replace function "outbox_capture"()`: the generic capture, told its key columns by trigger arguments. */
export function outboxCaptureFunctionSql(): string {
  return `create or replace function "outbox_capture"() returns trigger language plpgsql as $$
declare
  worker_column text := tg_argv[0];
  household_column text := tg_argv[1];
  new_row jsonb;
  old_row jsonb;
begin
  -- Bulk loads (the demo seeder) switch capture off for their session and rebuild the read model instead.
  if current_setting('${OUTBOX_CAPTURE_SETTING}', true) = 'off' then
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
  perform pg_notify('${OUTBOX_NOTIFY_CHANNEL}', tg_table_name);
  return null;
end
$$;`;
}

export interface OutboxCapture {
  table: string;
  /** The column holding the worker id ('id' for the registry itself); none for a table without one. */
  workerColumn?: string;
  /** The column holding the household code; none for a table without one. */
  householdColumn?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function plain(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

/** The trigger name the departments use: `<table>_outbox`. */
export function outboxTriggerName(table: string): string {
  return `${plain(table)}_outbox`;
}

/** `create trigger "<table>_outbox" …` calling the generic capture with the table's key columns ('' for none). */
export function outboxTriggerSql({ table, workerColumn = '', householdColumn = '' }: OutboxCapture): string {
  const args = [workerColumn, householdColumn].map((column) => `'${column === '' ? '' : plain(column)}'`).join(', ');
  return `create trigger "${outboxTriggerName(table)}" after insert or update or delete on "${plain(table)}" for each row execute function "outbox_capture"(${args});`;
}

/** `drop trigger if exists "<table>_outbox"` (a migration's down). */
export function dropOutboxTriggerSql(table: string): string {
  return `drop trigger if exists "${outboxTriggerName(table)}" on "${plain(table)}";`;
}
