import { Migration } from '@mikro-orm/migrations';

/**
 * History of the read model, for as-of answers (the roster as of the end of last quarter):
 * each table the rosters and the person and household views read gets a versioned companion
 * `<table>_version` with the same columns (minus its projection stamp) and a validity
 * [valid_from, valid_to) (valid_to null = current), kept by statement-level triggers in the
 * same transaction as the projector's writes — the feed, the rebuild and a direct fix alike.
 *
 * The projector replaces rows (delete, then insert); a version therefore ends only when the
 * content really changes: a row deleted and re-inserted identical in the same transaction (every
 * rebuild) reopens its version instead of starting a new one, and a version born and ended in
 * the same transaction leaves nothing. Versions are stamped with the writing transaction's
 * start (now()). Nothing deletes versions: a rebuild keeps history.
 *
 * history_start records when history begins (this migration); existing rows are copied as
 * versions valid from then. Indexes: (key, valid_from) for the triggers and one person's
 * history; (village_code, key, valid_from) for an as-of page in keyset order over a region.
 */
const VERSIONED = [
  // table, key column, projection stamp left out of the content
  ['person_situation', 'worker_id', 'projected_at'],
  ['household_situation', 'code', 'projected_at'],
  ['village_counts', 'village_code', 'counted_at'],
  ['division', 'code', null],
] as const;

export class Migration20261207120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "history_start" ("only" boolean primary key default true check ("only"), "begins_at" timestamptz not null default now());`);
    this.addSql(`insert into "history_start" default values;`);

    // The triggers find the content columns in the catalogue (every column of the table but the
    // stamp), so a column added to a table and its _version in a later migration is kept without
    // touching this function; test/history.test.ts checks that each pair has the same columns.
    this.addSql(`create function "keep_read_model_history"() returns trigger language plpgsql as $fn$
declare
  history text := quote_ident(TG_TABLE_NAME || '_version');
  key text := quote_ident(TG_ARGV[0]);
  stamp text := coalesce(TG_ARGV[1], '');
  changed text := case TG_OP when 'DELETE' then 'gone' else 'born' end;
  columns text;
  same text;
begin
  select string_agg(quote_ident(attname), ', ' order by attnum),
         string_agg(format('v.%1$I is not distinct from n.%1$I', attname), ' and ' order by attnum)
    into columns, same
    from pg_attribute where attrelid = TG_RELID and attnum > 0 and not attisdropped and attname <> stamp;
  if TG_OP = 'DELETE' then
    -- A version born in this transaction never was: drop it; any other current one ends now.
    execute format('delete from %1$s v using gone n where v.%2$s = n.%2$s and v.valid_to is null and v.valid_from = now()', history, key);
    execute format('update %1$s v set valid_to = now() from gone n where v.%2$s = n.%2$s and v.valid_to is null', history, key);
    return null;
  end if;
  -- INSERT or UPDATE: a current version whose content differs ends (or vanishes if born now) …
  execute format('delete from %1$s v using %3$s n where v.%2$s = n.%2$s and v.valid_to is null and v.valid_from = now() and not (%4$s)', history, key, changed, same);
  execute format('update %1$s v set valid_to = now() from %3$s n where v.%2$s = n.%2$s and v.valid_to is null and not (%4$s)', history, key, changed, same);
  -- … the version this transaction ended comes back if the new content equals it (a rebuild) …
  execute format('update %1$s v set valid_to = null from %3$s n where v.%2$s = n.%2$s and v.valid_to = now() and v.valid_from < now() and (%4$s)
                    and not exists (select 1 from %1$s c where c.%2$s = n.%2$s and c.valid_to is null)', history, key, changed, same);
  -- … else the new content starts a version now.
  execute format('insert into %1$s (%4$s, valid_from) select %4$s, now() from %3$s n where not exists (select 1 from %1$s c where c.%2$s = n.%2$s and c.valid_to is null)',
                 history, key, changed, columns);
  return null;
end
$fn$;`);

    for (const [table, key, stamp] of VERSIONED) {
      const version = `${table}_version`;
      this.addSql(`create table "${version}" (like "${table}" including defaults);`);
      if (stamp) this.addSql(`alter table "${version}" drop column "${stamp}";`);
      this.addSql(`alter table "${version}" add column "valid_from" timestamptz not null, add column "valid_to" timestamptz null;`);
      this.addSql(`alter table "${version}" add constraint "${version}_valid_check" check (valid_to is null or valid_to > valid_from);`);
      this.addSql(`create index "${version}_key_index" on "${version}" ("${key}", "valid_from");`);
      this.addSql(`create unique index "${version}_current_unique" on "${version}" ("${key}") where valid_to is null;`);
      if (key !== 'village_code' && table !== 'division') this.addSql(`create index "${version}_village_index" on "${version}" ("village_code", "${key}", "valid_from");`);
      const columns = `(select string_agg(quote_ident(attname), ', ' order by attnum) from pg_attribute where attrelid = '"${table}"'::regclass and attnum > 0 and not attisdropped and attname <> '${stamp ?? ''}')`;
      this.addSql(
        `do $$ begin execute format('insert into "${version}" (%1$s, valid_from) select %1$s, (select begins_at from history_start) from "${table}"', ${columns}); end $$;`,
      );
      const args = stamp ? `'${key}', '${stamp}'` : `'${key}'`;
      this.addSql(
        `create trigger "${table}_history_insert" after insert on "${table}" referencing new table as born for each statement execute function keep_read_model_history(${args});`,
      );
      this.addSql(
        `create trigger "${table}_history_update" after update on "${table}" referencing new table as born for each statement execute function keep_read_model_history(${args});`,
      );
      this.addSql(
        `create trigger "${table}_history_delete" after delete on "${table}" referencing old table as gone for each statement execute function keep_read_model_history(${args});`,
      );
    }
  }
}
