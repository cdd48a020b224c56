import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16 (a rebuild at 10^6 in < 90 s): the history of the read model (Migration20261207120000)
 * written by a rebuild in one statement per table instead of by the triggers per batch.
 *
 * A rebuild deletes every row and inserts them again in batches; the statement triggers then
 * ended every current version on the delete and reopened it on each batch's insert (about half
 * the time of writing person_situation). With `jiuye.history_deferred` set to 'on' for its
 * transaction (set local), the triggers do nothing, and the rebuild calls
 * settle_read_model_history once per versioned table before it commits. The result is the one
 * the triggers would have left: a current version whose content no longer exists among the
 * table's rows ends now (or vanishes when born in this transaction); a row without a current
 * version starts one now; an unchanged row keeps its version. The feed and direct fixes never
 * set the setting: the triggers keep their history as before.
 */
export class Migration20261210400000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "keep_read_model_history"() returns trigger language plpgsql as $fn$
declare
  history text := quote_ident(TG_TABLE_NAME || '_version');
  key text := quote_ident(TG_ARGV[0]);
  stamp text := coalesce(TG_ARGV[1], '');
  changed text := case TG_OP when 'DELETE' then 'gone' else 'born' end;
  columns text;
  same text;
begin
  -- A rebuild settles the history once at its end (settle_read_model_history).
  if current_setting('jiuye.history_deferred', true) = 'on' then
    return null;
  end if;
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

    // The whole table against its current versions, in three statements (hash joins, no per-batch work).
    this.addSql(`create function "settle_read_model_history"(tab text, key text, stamp text) returns void language plpgsql as $fn$
declare
  history text := quote_ident(tab || '_version');
  columns text;
  same text;
begin
  select string_agg(quote_ident(attname), ', ' order by attnum),
         string_agg(format('v.%1$I is not distinct from n.%1$I', attname), ' and ' order by attnum)
    into columns, same
    from pg_attribute where attrelid = quote_ident(tab)::regclass and attnum > 0 and not attisdropped and attname <> coalesce(stamp, '');
  -- A current version no row holds any more (gone or changed): born in this transaction, it never was; else it ends now.
  execute format('delete from %1$s v where v.valid_to is null and v.valid_from = now() and not exists (select 1 from %2$I n where n.%3$I = v.%3$I and %4$s)',
                 history, tab, key, same);
  execute format('update %1$s v set valid_to = now() where v.valid_to is null and not exists (select 1 from %2$I n where n.%3$I = v.%3$I and %4$s)',
                 history, tab, key, same);
  -- A row without a current version starts one now.
  execute format('insert into %1$s (%4$s, valid_from) select %4$s, now() from %2$I n where not exists (select 1 from %1$s c where c.%3$I = n.%3$I and c.valid_to is null)',
                 history, tab, key, columns);
end
$fn$;`);
  }
}
