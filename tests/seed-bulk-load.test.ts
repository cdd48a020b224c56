import { Client } from 'pg';
import { copyRows, copyTuples, DEPARTMENT_NAMES, type DepartmentName } from '@jiuye/common';
import { migrateAll, seedDemoCounty, SEEDERS } from '@jiuye/devtools';
import { freshDatabaseUrl, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { migratedDepartmentDatabase } from '@jiuye/testing/departments';

/**
 * The seed loads with COPY into tables whose secondary indexes it drops and builds again, with the
 * capture triggers disabled for the load (devtools/src/bulk-load.ts): afterwards every department's
 * schema is exactly as its migrations left it, the rows are all there, and a failed seed leaves
 * the databases as they were (rows, indexes and triggers).
 */
async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What the load touches: every index (name and definition) and every trigger with its enabled state. */
function schemaOf(url: string): Promise<{ indexes: string[]; triggers: string[] }> {
  return withClient(url, async (client) => ({
    indexes: (await client.query(`select indexname || ': ' || indexdef as d from pg_indexes where schemaname = 'public' order by 1`)).rows.map((r) => r.d),
    triggers: (await client.query(`select tgrelid::regclass::text || '.' || tgname || ' ' || tgenabled::text as d from pg_trigger where not tgisinternal order by 1`)).rows.map(
      (r) => r.d,
    ),
  }));
}

async function counts(url: string, tables: string[]): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const out: Record<string, number> = {};
    for (const table of tables) out[table] = (await client.query(`select count(*)::int as n from "${table}"`)).rows[0].n;
    return out;
  });
}

const seededTables = (name: DepartmentName) => [...SEEDERS[name].tables, 'service_record'];

describe('seeding with COPY and indexes built after the load', () => {
  const urls = Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, freshDatabaseUrl(`seed_${name}`)])) as Record<DepartmentName, string>;
  const migrated = {} as Record<DepartmentName, { indexes: string[]; triggers: string[] }>;
  let reported = 0;

  beforeAll(async () => {
    await migrateAll(urls);
    for (const name of DEPARTMENT_NAMES) migrated[name] = await schemaOf(urls[name]);
    // Small batches: many of them in flight, overlapping across departments.
    reported = (await seedDemoCounty({ databaseUrls: urls, pseudonymKey: TEST_PSEUDONYM_KEY, workers: 400, batchSize: 50 })).rows;
  });

  it('leaves every index and trigger as the migrations made them', async () => {
    for (const name of DEPARTMENT_NAMES) {
      const now = await schemaOf(urls[name]);
      expect(now.indexes.length).toBeGreaterThan(5);
      expect(now).toEqual(migrated[name]);
    }
    // The capture triggers are enabled again ('O'), none left disabled.
    expect((await schemaOf(urls.hr)).triggers).toContain('worker.worker_history O');
  });

  it('writes every row it reports, and no outbox or history rows', async () => {
    let total = 0;
    for (const name of DEPARTMENT_NAMES) {
      const found = await counts(urls[name], [...seededTables(name), 'outbox', 'change_history']);
      expect(found.outbox).toBe(0);
      expect(found.change_history).toBe(0);
      total += seededTables(name).reduce((sum, table) => sum + found[table], 0);
    }
    expect(await counts(urls.hr, ['worker'])).toEqual({ worker: expect.any(Number) });
    expect((await counts(urls.hr, ['worker'])).worker).toBeGreaterThanOrEqual(400);
    // The reference tables are written but not counted in the report's rows (they are not per household).
    const reference = (await counts(urls.hr, ['division', 'employer', 'job_posting', 'job_fair', 'welfare_post'])) as Record<string, number>;
    const referenceRows = Object.values(reference).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(reported);
    expect(total - reported).toBeGreaterThanOrEqual(referenceRows);
  });

  it('a seed that fails part-way leaves all five databases as they were', async () => {
    const before = {} as Record<DepartmentName, Record<string, number>>;
    for (const name of DEPARTMENT_NAMES) before[name] = await counts(urls[name], seededTables(name));
    // A constraint no new subsidy payment meets: hr's load fails in its first batches.
    await withClient(urls.hr, (client) => client.query(`alter table subsidy_payment add constraint no_new_payments check (false) not valid`));
    try {
      await expect(seedDemoCounty({ databaseUrls: urls, pseudonymKey: TEST_PSEUDONYM_KEY, workers: 400, batchSize: 50, seed: 7 })).rejects.toThrow(/no_new_payments/);
    } finally {
      await withClient(urls.hr, (client) => client.query(`alter table subsidy_payment drop constraint no_new_payments`));
    }
    for (const name of DEPARTMENT_NAMES) {
      expect(await counts(urls[name], seededTables(name))).toEqual(before[name]);
      expect(await schemaOf(urls[name])).toEqual(migrated[name]);
    }
  });
});

describe('the COPY text encoder (common/src/copy-rows.ts)', () => {
  let url: string;
  beforeAll(async () => {
    url = await migratedDepartmentDatabase('civil');
    await withClient(url, (client) => client.query(`create table copy_probe (id int primary key, label text, flag boolean, tags text[], doc jsonb, day date, amount numeric)`));
  });

  const awkward = ['back\\slash', 'tab\there', 'new\nline', 'carriage\rreturn', '\\N', '引号"和,逗号{}', ''];

  it('round-trips awkward text, nulls, booleans, arrays and JSON, from arrays and from objects', async () => {
    const columns = [
      ['id', 'int'],
      ['label', 'text'],
      ['flag', 'boolean'],
      ['tags', 'text[]'],
      ['doc', 'jsonb'],
      ['day', 'date'],
      ['amount', 'numeric'],
    ] as const;
    const tuples = awkward.map((text, i) => [i, text, i % 2 === 0, [text, null, 'b c'], { text, list: [1, 'x\ty'] }, '2026-12-07', i + 0.5]);
    const written = await withClient(url, (client) => copyTuples(client, 'copy_probe', columns, tuples));
    expect(written).toBe(awkward.length);
    await withClient(url, (client) =>
      copyRows(client, 'copy_probe', columns, [
        { id: 100, label: 'tab\tand\\n', tags: ['x'] },
        { id: 101, label: null, flag: null, doc: [1, 2] },
      ]),
    );
    const rows = (
      await withClient(url, (client) => client.query(`select id, label, flag, tags, doc, to_char(day, 'YYYY-MM-DD') as day, amount::float8 as amount from copy_probe order by id`))
    ).rows;
    expect(rows.slice(0, awkward.length)).toEqual(
      awkward.map((text, i) => ({ id: i, label: text, flag: i % 2 === 0, tags: [text, null, 'b c'], doc: { text, list: [1, 'x\ty'] }, day: '2026-12-07', amount: i + 0.5 })),
    );
    expect(rows.slice(awkward.length)).toEqual([
      { id: 100, label: 'tab\tand\\n', flag: null, tags: ['x'], doc: null, day: null, amount: null },
      { id: 101, label: null, flag: null, tags: null, doc: [1, 2], day: null, amount: null },
    ]);
  });

  it('a row PostgreSQL refuses fails the whole COPY, naming the problem, and writes nothing', async () => {
    const columns = [
      ['id', 'int'],
      ['label', 'text'],
    ] as const;
    await expect(
      withClient(url, (client) =>
        copyTuples(client, 'copy_probe', columns, [
          [200, 'fine'],
          [200, 'duplicate key'],
        ]),
      ),
    ).rejects.toThrow(/duplicate key value violates unique constraint/);
    expect((await withClient(url, (client) => client.query(`select count(*)::int as n from copy_probe where id = 200`))).rows[0].n).toBe(0);
  });
});
