import type pg from 'pg';

/**
 * A rebuild builds the new read model beside the live one and swaps it in (issue 16): in its
 * transaction, every rebuilt table gets an empty copy in the schema read_model_next (columns,
 * defaults, not-null and check constraints, storage, comments, extended statistics, owner,
 * grants and triggers taken from the live table's catalogue entry, so the definition stays in one
 * place: the migrations), put first on the search path, so that the projector's unqualified SQL
 * fills the copies while every other table (tasks, kept_state, source_state, the history) stays
 * the live one. The copies are loaded without indexes; their constraints and indexes are built
 * after the load (by sort, each from the live one's definition and with its name) and analysed.
 * The swap, at the end of the same transaction: the live tables move to read_model_old, the
 * copies to the live schema, the views over the tables are defined again on the new ones, the old
 * tables are dropped. Readers keep the old model until the transaction commits and then see the
 * whole new one: never an empty or half model. Writers (the feed) wait from the start of the
 * rebuild (EXCLUSIVE lock on the live tables, which readers' ACCESS SHARE does not conflict
 * with), as they waited on the old rebuild's deleted rows; the swap itself takes ACCESS EXCLUSIVE
 * for its few catalogue statements.
 */
export const NEXT_SCHEMA = 'read_model_next';
const OLD_SCHEMA = 'read_model_old';

/** How long the swap waits for readers' locks at a time before letting them go on and trying again. */
const SWAP_LOCK_TIMEOUT = '500ms';
const SWAP_LOCK_ATTEMPTS = 40;

interface LiveTable {
  name: string;
  oid: string;
  schema: string;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A definition printed by the catalogue (pg_get_indexdef, pg_get_triggerdef) for the live table,
 * pointed at its copy: ` ON <table> ` (qualified or not, quoted or not) becomes the copy's name.
 */
function onCopy(definition: string, table: LiveTable, followedBy: string): string {
  const name = `(?:${escapeRegExp(ident(table.name))}|${escapeRegExp(table.name)})`;
  const schema = `(?:(?:${escapeRegExp(ident(table.schema))}|${escapeRegExp(table.schema)})\\.)?`;
  const pattern = new RegExp(` ON (ONLY )?${schema}${name} (?=${followedBy})`);
  if (!pattern.test(definition)) throw new Error(`rebuild beside the live model: cannot place this definition on the copy of ${table.name}: ${definition}`);
  return definition.replace(pattern, (_, only: string | undefined) => ` ON ${only ?? ''}${qualified(NEXT_SCHEMA, table.name)} `);
}

/** What the swap does not carry over: refused by name before anything is built (extend this file rather than lose it silently). */
async function refuseUnsupported(client: pg.ClientBase, tables: LiveTable[]): Promise<void> {
  const oids = tables.map((t) => t.oid);
  const { rows } = await client.query<{ what: string }>(
    `select format('%s is not a plain table', c.relname) as what from pg_class c where c.oid = any($1::oid[]) and c.relkind <> 'r'
     union all
     select format('%s.%s takes its values from a sequence or an identity', c.relname, a.attname)
       from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
        and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like '%nextval(%')
     union all
     select format('foreign key %s of %s', k.conname, k.conrelid::regclass) from pg_constraint k
      where k.contype = 'f' and (k.conrelid = any($1::oid[]) or k.confrelid = any($1::oid[]))
     union all
     select format('%s has row security', c.relname) from pg_class c where c.oid = any($1::oid[]) and (c.relrowsecurity or exists (select 1 from pg_policy p where p.polrelid = c.oid))
     union all
     select format('materialized view %s reads it', v.oid::regclass) from pg_depend d join pg_rewrite r on r.oid = d.objid join pg_class v on v.oid = r.ev_class
      where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjid = any($1::oid[]) and v.relkind = 'm'`,
    [oids],
  );
  if (rows.length) throw new Error(`rebuild beside the live model: not supported: ${[...new Set(rows.map((r) => r.what))].join('; ')}`);
}

/** GRANT statements repeating an ACL (aclexplode) on the copy; `columns` for a column's own grants. */
function grants(rows: { privilege: string; grantee: string | null; grantable: boolean; column: string | null }[], target: string): string[] {
  return rows.map(
    (r) =>
      `grant ${r.privilege}${r.column ? ` (${ident(r.column)})` : ''} on ${target} to ${r.grantee === null ? 'public' : ident(r.grantee)}${r.grantable ? ' with grant option' : ''}`,
  );
}

export class BesideBuild {
  private readonly indexed = new Set<string>();

  private constructor(
    private readonly client: pg.ClientBase,
    private readonly tables: LiveTable[],
    private readonly searchPath: string,
  ) {}

  /**
   * In the caller's transaction: locks the live tables against writers, creates their empty
   * copies and puts NEXT_SCHEMA first on the search path (set local).
   */
  static async prepare(client: pg.ClientBase, names: readonly string[]): Promise<BesideBuild> {
    const searchPath = (await client.query<{ search_path: string }>('show search_path')).rows[0].search_path;
    const { rows } = await client.query<{ name: string; oid: string | null; schema: string | null }>(
      `select t.name, c.oid::text as oid, n.nspname as schema
         from unnest($1::text[]) with ordinality t(name, position)
         left join pg_class c on c.oid = to_regclass(quote_ident(t.name)) left join pg_namespace n on n.oid = c.relnamespace
        order by t.position`,
      [names],
    );
    const missing = rows.filter((r) => r.oid === null).map((r) => r.name);
    if (missing.length) throw new Error(`rebuild beside the live model: no table ${missing.join(', ')}`);
    const tables = rows as LiveTable[];
    await refuseUnsupported(client, tables);
    await client.query(`lock table ${tables.map((t) => qualified(t.schema, t.name)).join(', ')} in exclusive mode`);
    await client.query(`create schema ${ident(NEXT_SCHEMA)}`);
    for (const table of tables) await copyTable(client, table);
    await client.query(`select set_config('search_path', $1, true)`, [`${ident(NEXT_SCHEMA)}, ${searchPath}`]);
    return new BesideBuild(client, tables, searchPath);
  }

  /** Builds the constraints and indexes of these copies (loaded: nothing writes them any more in bulk) and analyses them. */
  async index(names: readonly string[]): Promise<void> {
    for (const name of names) {
      if (this.indexed.has(name)) continue;
      const table = this.tables.find((t) => t.name === name);
      if (!table) throw new Error(`rebuild beside the live model: ${name} is not being rebuilt`);
      const copy = qualified(NEXT_SCHEMA, table.name);
      const constraints = await this.client.query<{ name: string; definition: string }>(
        `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = $1::oid and contype in ('p', 'u', 'x') order by conname`,
        [table.oid],
      );
      for (const c of constraints.rows) await this.client.query(`alter table ${copy} add constraint ${ident(c.name)} ${c.definition}`);
      const indexes = await this.client.query<{ definition: string }>(
        `select pg_get_indexdef(i.indexrelid) as definition from pg_index i
          where i.indrelid = $1::oid and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
          order by i.indexrelid`,
        [table.oid],
      );
      for (const i of indexes.rows) await this.client.query(onCopy(i.definition, table, 'USING '));
      await this.client.query(`analyze ${copy}`);
      this.indexed.add(name);
    }
  }

  /**
   * The swap, last in the caller's transaction: the copies not indexed yet are; the search path is
   * the caller's again; the live tables move out and the copies in, under their names; views over
   * the tables are defined again (on the new ones); the old tables and both schemas are dropped.
   */
  async swap(): Promise<void> {
    await this.index(this.tables.map((t) => t.name));
    const client = this.client;
    await client.query(`select set_config('search_path', $1, true)`, [this.searchPath]);
    for (const table of this.tables) await copyTriggers(client, table);
    const oids = this.tables.map((t) => t.oid);
    await lockForSwap(client, this.tables);
    // Views bind to a table's identity, not its name: printed (with the caller's search path) before the move, defined again after it.
    const views = await client.query<{ view: string; definition: string; options: string[] | null }>(
      `select distinct v.oid::regclass::text as view, pg_get_viewdef(v.oid) as definition, v.reloptions as options
         from pg_depend d join pg_rewrite r on r.oid = d.objid join pg_class v on v.oid = r.ev_class
        where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjid = any($1::oid[]) and v.relkind = 'v'`,
      [oids],
    );
    await client.query(`create schema ${ident(OLD_SCHEMA)}`);
    for (const table of this.tables) {
      await client.query(`alter table ${qualified(table.schema, table.name)} set schema ${ident(OLD_SCHEMA)}`);
      await client.query(`alter table ${qualified(NEXT_SCHEMA, table.name)} set schema ${ident(table.schema)}`);
    }
    for (const v of views.rows) {
      const options = v.options?.length ? ` with (${v.options.join(', ')})` : '';
      await client.query(`create or replace view ${v.view}${options} as ${v.definition.replace(/;\s*$/, '')}`);
    }
    // Without cascade: anything still bound to an old table fails the rebuild rather than vanish with it.
    await client.query(`drop table ${this.tables.map((t) => qualified(OLD_SCHEMA, t.name)).join(', ')}`);
    await client.query(`drop schema ${ident(OLD_SCHEMA)}`);
    await client.query(`drop schema ${ident(NEXT_SCHEMA)}`);
  }
}

/** The empty copy of one live table in NEXT_SCHEMA, owned and granted like it (its triggers come at the swap: copyTriggers). */
async function copyTable(client: pg.ClientBase, table: LiveTable): Promise<void> {
  const copy = qualified(NEXT_SCHEMA, table.name);
  await client.query(`create table ${copy} (like ${qualified(table.schema, table.name)} including all excluding indexes excluding identity)`);
  const [facts] = (
    await client.query<{ owner: string; mine: boolean; comment: string | null }>(
      `select pg_get_userbyid(c.relowner) as owner, pg_get_userbyid(c.relowner) = current_user as mine, obj_description(c.oid, 'pg_class') as comment from pg_class c where c.oid = $1::oid`,
      [table.oid],
    )
  ).rows;
  if (!facts.mine) await client.query(`alter table ${copy} owner to ${ident(facts.owner)}`);
  if (facts.comment !== null) await client.query(`comment on table ${copy} is ${literal(facts.comment)}`);
  const acl = await client.query<{ privilege: string; grantee: string | null; grantable: boolean; column: string | null }>(
    `select a.privilege_type as privilege, case when a.grantee = 0 then null else pg_get_userbyid(a.grantee) end as grantee, a.is_grantable as grantable, null::text as column
       from pg_class c, aclexplode(c.relacl) a where c.oid = $1::oid and a.grantee <> c.relowner
     union all
     select a.privilege_type, case when a.grantee = 0 then null else pg_get_userbyid(a.grantee) end, a.is_grantable, t.attname::text
       from pg_attribute t, aclexplode(t.attacl) a where t.attrelid = $1::oid and t.attnum > 0 and not t.attisdropped`,
    [table.oid],
  );
  for (const statement of grants(acl.rows, copy)) await client.query(statement);
}

/**
 * The live table's triggers (the history's) on its copy: added at the swap, not before the load,
 * since a statement trigger with a transition table keeps every row a COPY writes even when the
 * function then does nothing (the history is settled by settle_read_model_history).
 */
async function copyTriggers(client: pg.ClientBase, table: LiveTable): Promise<void> {
  const copy = qualified(NEXT_SCHEMA, table.name);
  const triggers = await client.query<{ definition: string; enabled: string; name: string }>(
    `select pg_get_triggerdef(oid) as definition, tgenabled as enabled, tgname as name from pg_trigger where tgrelid = $1::oid and not tgisinternal order by tgname`,
    [table.oid],
  );
  for (const t of triggers.rows) {
    await client.query(onCopy(t.definition, table, '(?:REFERENCING|FOR|FROM|NOT|DEFERRABLE|INITIALLY|WHEN|EXECUTE)\\b'));
    if (t.enabled === 'D') await client.query(`alter table ${copy} disable trigger ${ident(t.name)}`);
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function pgCode(error: unknown): string | undefined {
  return (error as { code?: string })?.code;
}

/**
 * ACCESS EXCLUSIVE on the live tables for the swap. A reader holding one of them makes the swap
 * wait, and every later reader would queue behind it: so each attempt waits SWAP_LOCK_TIMEOUT at
 * most, gives the locks it got back (savepoint) and tries again; the last attempt waits as long as
 * it takes. A deadlock with a reader is an attempt that failed, too.
 */
async function lockForSwap(client: pg.ClientBase, tables: LiveTable[]): Promise<void> {
  const statement = `lock table ${tables.map((t) => qualified(t.schema, t.name)).join(', ')} in access exclusive mode`;
  const wait = (await client.query<{ lock_timeout: string }>('show lock_timeout')).rows[0].lock_timeout;
  const restore = () => client.query(`select set_config('lock_timeout', $1, true)`, [wait]);
  for (let attempt = 1; attempt < SWAP_LOCK_ATTEMPTS; attempt++) {
    await client.query('savepoint read_model_swap');
    await client.query(`set local lock_timeout = '${SWAP_LOCK_TIMEOUT}'`);
    try {
      await client.query(statement);
      await restore();
      await client.query('release savepoint read_model_swap');
      return;
    } catch (error) {
      if (pgCode(error) !== '55P03' && pgCode(error) !== '40P01') throw error;
      await client.query('rollback to savepoint read_model_swap');
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
  await client.query(statement);
}
