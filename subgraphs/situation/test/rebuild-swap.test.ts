import pg from 'pg';
import { DEPARTMENT_NAMES, type DepartmentName } from '@jiuye/common';
import { buildReadModel, seedDemoCounty } from '@jiuye/devtools';
import { openSourcePools, rebuildReadModel } from '@jiuye/situation';
import { REBUILT_TABLES } from '@jiuye/situation/read-model';
import { freshDatabaseUrl, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { sqlAt } from '@jiuye/testing/child-service';
import { readModelChecksums, type ReadModelChecksums } from '@jiuye/testing/read-model';

/**
 * Issue 16: a rebuild builds the new model beside the live tables and swaps it in at the end of
 * its transaction (projection/beside.ts). A reader polling the whole model (every rebuilt table in
 * one statement) all through a rebuild sees the old model until the swap and the new one after it:
 * never an empty, half or mixed model, and no error from tables changing under it. Everything
 * bound to the tables comes through the swap: indexes and constraints (by name and definition),
 * the history triggers, owner and grants, and a view over the tables (reading the new rows).
 */
jest.setTimeout(240_000);

const WORKERS = 500;
let departments: Record<DepartmentName, string>;
const situationUrl = freshDatabaseUrl('situation_swap');

async function rebuildInPlace(): Promise<void> {
  const sources = openSourcePools(departments);
  try {
    await rebuildReadModel(situationUrl, sources);
  } finally {
    await Promise.all(Object.values(sources).map((pool) => pool.end()));
  }
}

/** Everything of the rebuilt tables that lives in the catalogue: what the swap must carry over. */
async function catalogue(): Promise<Record<string, unknown>> {
  const tables = [...REBUILT_TABLES];
  const [indexes, constraints, triggers, tableFacts] = await Promise.all([
    sqlAt(
      situationUrl,
      `select c.relname as "table", i.relname as name, pg_get_indexdef(x.indexrelid) as definition
         from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = any($1::text[]) order by 1, 2`,
      [tables],
    ),
    sqlAt(
      situationUrl,
      `select c.relname as "table", k.conname as name, k.contype as kind, pg_get_constraintdef(k.oid) as definition
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = any($1::text[]) order by 1, 2, 3, 4`,
      [tables],
    ),
    sqlAt(
      situationUrl,
      `select c.relname as "table", t.tgname as name, pg_get_triggerdef(t.oid) as definition, t.tgenabled as enabled
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = any($1::text[]) and not t.tgisinternal order by 1, 2`,
      [tables],
    ),
    sqlAt(
      situationUrl,
      `select c.relname as "table", pg_get_userbyid(c.relowner) as owner, c.relacl::text as acl,
              (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull,
                                                 'default', pg_get_expr(d.adbin, d.adrelid), 'collation', a.attcollation) order by a.attnum)
                 from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = any($1::text[]) order by 1`,
      [tables],
    ),
  ]);
  return { indexes, constraints, triggers, tableFacts };
}

beforeAll(async () => {
  departments = Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<DepartmentName, string>;
  await seedDemoCounty({ databaseUrls: departments, pseudonymKey: TEST_PSEUDONYM_KEY, workers: WORKERS, batchSize: 250 });
  await buildReadModel({ ...departments, situation: situationUrl });
});

describe('a rebuild built beside the live model and swapped in', () => {
  it('a reader sees the old model until the swap, then the whole new one (never empty, half or mixed)', async () => {
    // The departments change and the feed does not run: the old model and the rebuilt one differ.
    const [changed] = await sqlAt<{ n: number }>(
      departments.hr,
      `with changed as (update worker set skill_level = case skill_level when 'NONE' then 'BASIC' else 'NONE' end
                         where id in (select id from worker order by id limit 120) returning 1) select count(*)::int as n from changed`,
    );
    expect(changed.n).toBe(120);
    const before = await readModelChecksums(situationUrl);
    expect(before.person_situation.rows).toBeGreaterThan(0);

    const seen: { at: number; model: ReadModelChecksums }[] = [];
    let rebuilding = true;
    const reader = (async () => {
      // One statement over every rebuilt table: one snapshot of the whole model.
      while (rebuilding) seen.push({ model: await readModelChecksums(situationUrl), at: Date.now() });
    })();
    const started = Date.now();
    try {
      await rebuildInPlace();
    } finally {
      rebuilding = false;
    }
    const finished = Date.now();
    await reader;
    const after = await readModelChecksums(situationUrl);
    expect(after).not.toEqual(before);
    expect(after.person_situation.rows).toBe(before.person_situation.rows);

    const states = seen.map(({ model }) => {
      const text = JSON.stringify(model);
      return text === JSON.stringify(before) ? 'old' : text === JSON.stringify(after) ? 'new' : 'other';
    });
    expect(states).not.toContain('other');
    // Old until the swap, new from then on: never back.
    const firstNew = states.indexOf('new');
    expect(states.slice(firstNew === -1 ? states.length : firstNew)).not.toContain('old');
    // The reader read the old model while the rebuild was well under way (not only before it began).
    const oldDuring = seen.filter(({ at }, i) => states[i] === 'old' && at > started + (finished - started) / 2);
    expect(oldDuring.length).toBeGreaterThan(0);
  });

  it('indexes, constraints, triggers, owner, grants and views come through the swap; the tables are new ones', async () => {
    await sqlAt(situationUrl, `do $$ begin if not exists (select 1 from pg_roles where rolname = 'swap_reader') then create role swap_reader; end if; end $$`);
    await sqlAt(situationUrl, `grant select on person_situation, village_counts to swap_reader`);
    await sqlAt(situationUrl, `grant select (worker_id, village_code) on known_person to swap_reader`);
    await sqlAt(
      situationUrl,
      `create view swap_village_people as select v.village_code, (select count(*) from person_situation p where p.village_code = v.village_code)::int as counted
         from village_counts v`,
    );
    await sqlAt(situationUrl, `grant select on swap_village_people to swap_reader`);
    const shape = await catalogue();
    const oids = await sqlAt<{ oid: string }>(situationUrl, `select 'person_situation'::regclass::oid::text as oid`);

    await rebuildInPlace();

    expect(await catalogue()).toEqual(shape);
    const [now] = await sqlAt<{ oid: string }>(situationUrl, `select 'person_situation'::regclass::oid::text as oid`);
    expect(now.oid).not.toBe(oids[0].oid);
    const schemas = await sqlAt<{ nspname: string }>(situationUrl, `select nspname from pg_namespace where nspname like 'read\\_model\\_%'`);
    expect(schemas).toEqual([]);
    // The view reads the new tables; the reader role keeps its grants on the view, the tables and one table's columns.
    const [table] = await sqlAt<{ n: number; villages: number }>(
      situationUrl,
      `select (select count(*) from person_situation)::int as n, (select count(*) from village_counts)::int as villages`,
    );
    const client = new pg.Client({ connectionString: situationUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local role swap_reader');
      const [view] = (await client.query<{ villages: number; people: number }>(`select count(*)::int as villages, sum(counted)::int as people from swap_village_people`)).rows;
      expect(view).toEqual({ villages: table.villages, people: table.n });
      const [known] = (await client.query<{ n: number }>(`select count(worker_id)::int as n from known_person`)).rows;
      expect(known.n).toBeGreaterThan(0);
      await expect(client.query(`select id_number from known_person limit 1`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  });
});
