import { Client } from 'pg';
import {
  changeContextSql,
  DEPARTMENT_NAMES,
  forkWithChangeContext,
  HISTORY_PLUMBING_TABLES,
  historyCaptureFunctionSql,
  historyTriggerName,
  historyTriggerSql,
  openDatabase,
  withChangeContext,
  type ChangeContext,
  type DepartmentName,
} from '@jiuye/common';
import { DEPARTMENT_MODULES, migratedDepartmentDatabase } from '@jiuye/testing/departments';

/**
 * common/src/history.ts against what the departments' migrations installed: the capture function
 * and every trigger are what the helpers produce; every base table of each department keeps its
 * history except the plumbing and the tables its history declaration leaves out (so a table added
 * later without history fails here); and the trigger records what, who and from where.
 */
describe('change history (common/src/history.ts) in the departments', () => {
  const urls = {} as Record<DepartmentName, string>;

  beforeAll(async () => {
    for (const department of DEPARTMENT_NAMES) urls[department] = await migratedDepartmentDatabase(department);
  });

  async function connect(department: DepartmentName): Promise<Client> {
    const client = new Client({ connectionString: urls[department] });
    await client.connect();
    return client;
  }

  async function withClient<T>(department: DepartmentName, work: (client: Client) => Promise<T>): Promise<T> {
    const client = await connect(department);
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  interface Trigger {
    table: string;
    name: string;
    args: string[];
    def: string;
  }

  const triggers = (client: Client) =>
    client
      .query<Trigger>(
        `select c.relname as table, t.tgname as name, pg_get_triggerdef(t.oid) as def,
                string_to_array(rtrim(encode(t.tgargs, 'escape'), E'\\\\000'), E'\\\\000') as args
           from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
          where not t.tgisinternal and p.proname = 'history_capture' order by 1`,
      )
      .then((result) => result.rows);

  it.each(DEPARTMENT_NAMES)('%s: the capture function and every trigger are what the helpers produce', async (department) => {
    await withClient(department, async (client) => {
      const look = async () => ({
        fn: (await client.query(`select prosrc, pg_get_functiondef(oid) as def from pg_proc where proname = 'history_capture'`)).rows,
        triggers: await triggers(client),
      });
      await client.query('begin');
      try {
        const before = await look();
        await client.query(historyCaptureFunctionSql());
        for (const trigger of before.triggers) {
          await client.query(`drop trigger "${trigger.name}" on "${trigger.table}"`);
          const [workerColumn, householdColumn, key] = trigger.args;
          await client.query(historyTriggerSql({ table: trigger.table, workerColumn, householdColumn, key: key.split(',') }));
        }
        expect(before.fn).toHaveLength(1);
        expect(before.triggers.map((t) => t.name)).toEqual(before.triggers.map((t) => historyTriggerName(t.table)));
        expect(await look()).toEqual(before);
      } finally {
        await client.query('rollback');
      }
    });
  });

  it.each(DEPARTMENT_NAMES)('%s: every base table keeps its history, except the plumbing and the declared exclusions; each has a record kind', async (department) => {
    const history = DEPARTMENT_MODULES[department].history!;
    await withClient(department, async (client) => {
      const tables = (
        await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
      ).rows.map((row) => row.name);
      const captured = (await triggers(client)).map((trigger) => trigger.table).sort();
      const excluded = new Set<string>([...HISTORY_PLUMBING_TABLES, ...Object.keys(history.excluded)]);
      expect(captured).toEqual(tables.filter((table) => !excluded.has(table)));
      expect(Object.keys(history.records).sort()).toEqual(captured);
      for (const table of Object.keys(history.excluded)) expect(tables).toContain(table);
    });
  });

  /** A table of each department with a worker column, and a harmless column to change. */
  const SAMPLE: Record<DepartmentName, { insert: string; update: string; table: string }> = {
    hr: {
      table: 'employer',
      insert: `insert into employer (id, name, kind, division_code, credit_code) values (900, '试验车间', 'POVERTY_WORKSHOP', '530113', '91530113MA6K000999')`,
      update: `update employer set name = '试验车间二' where id = 900`,
    },
    poverty: {
      table: 'responsible_unit',
      insert: `insert into responsible_unit (id, name) values (900, '试验单位')`,
      update: `update responsible_unit set name = '试验单位二' where id = 900`,
    },
    civil: {
      table: 'care_duty',
      insert: `insert into care_duty (id, worker_id, reason, cared_for_name, since) values (900, 'w-test', 'ELDERLY', '张三', '2026-01-01')`,
      update: `update care_duty set cared_for_name = '李四' where id = 900`,
    },
    training: {
      table: 'institution',
      insert: `insert into institution (id, name, kind, division_code) values (900, '试验学校', 'TECHNICAL_SCHOOL', '530113')`,
      update: `update institution set name = '试验学校二' where id = 900`,
    },
    partner: {
      table: 'partner_city',
      insert: `insert into partner_city (code, name, province, paired_since) values ('4499', '试验市', '试验省', '2020-01-01')`,
      update: `update partner_city set name = '试验市二' where code = '4499'`,
    },
  };

  it.each(DEPARTMENT_NAMES)('%s: a change made with psql is caught as direct, by the database user, with only the changed columns', async (department) => {
    const sample = SAMPLE[department];
    await withClient(department, async (client) => {
      const { rows: before } = await client.query(`select coalesce(max(id), 0) as id from change_history`);
      await client.query(sample.insert);
      await client.query(sample.update);
      // An update that changes nothing is no change.
      await client.query(sample.update);
      const rows = (
        await client.query(`select table_name, operation, changes, actor, origin, detail, actor = session_user as by_session_user from change_history where id > $1 order by id`, [
          before[0].id,
        ])
      ).rows;
      expect(rows.map((row) => [row.table_name, row.operation, row.origin, row.detail, row.by_session_user])).toEqual([
        [sample.table, 'INSERT', 'direct', null, true],
        [sample.table, 'UPDATE', 'direct', null, true],
      ]);
      expect(Object.keys(rows[1].changes)).toEqual([department === 'civil' ? 'cared_for_name' : 'name']);
      const [old, now] = Object.values(rows[1].changes)[0] as [string, string];
      expect(now).not.toEqual(old);
      // An insert keeps the new values themselves.
      expect(Object.values(rows[0].changes)).toContain(old);
    });
  });

  it('settings of one transaction do not reach the next on the same connection; a delete keeps the old values', async () => {
    await withClient('poverty', async (client) => {
      const { sql, params } = changeContextSql({ actor: 'staff-1', origin: 'import', detail: 'import 7 row 12' });
      await client.query(`insert into responsible_unit (id, name) values (901, '甲单位')`);
      await client.query('begin');
      await client.query(sql, params);
      await client.query(`update responsible_unit set name = '乙单位' where id = 901`);
      await client.query('commit');
      await client.query(`update responsible_unit set name = '丙单位' where id = 901`);
      await client.query('begin');
      await client.query(sql, params);
      await client.query(`update responsible_unit set name = '丁单位' where id = 901`);
      await client.query('rollback');
      await client.query(`delete from responsible_unit where id = 901`);
      const rows = (
        await client.query(`select operation, changes, actor, origin, detail from change_history where table_name = 'responsible_unit' and row_key = '901' order by id`)
      ).rows;
      const { rows: user } = await client.query(`select session_user as name`);
      expect(rows).toEqual([
        { operation: 'INSERT', changes: { id: 901, name: '甲单位' }, actor: user[0].name, origin: 'direct', detail: null },
        { operation: 'UPDATE', changes: { name: ['甲单位', '乙单位'] }, actor: 'staff-1', origin: 'import', detail: 'import 7 row 12' },
        { operation: 'UPDATE', changes: { name: ['乙单位', '丙单位'] }, actor: user[0].name, origin: 'direct', detail: null },
        { operation: 'DELETE', changes: { id: 901, name: '丙单位' }, actor: user[0].name, origin: 'direct', detail: null },
      ]);
    });
  });

  it("a change that moves a record to another worker is in both workers' histories; entries are never changed or deleted", async () => {
    await withClient('civil', async (client) => {
      await client.query(`insert into care_duty (id, worker_id, reason, cared_for_name, since) values (910, 'w-first', 'CHILD', '王小', '2026-01-01')`);
      await client.query(`update care_duty set worker_id = 'w-second' where id = 910`);
      const rows = (await client.query(`select worker_id, operation, changes from change_history where table_name = 'care_duty' and row_key = '910' order by id`)).rows;
      expect(rows).toEqual([
        expect.objectContaining({ worker_id: 'w-first', operation: 'INSERT' }),
        { worker_id: 'w-second', operation: 'UPDATE', changes: { worker_id: ['w-first', 'w-second'] } },
        { worker_id: 'w-first', operation: 'UPDATE', changes: { worker_id: ['w-first', 'w-second'] } },
      ]);
      await expect(client.query(`update change_history set actor = 'someone-else' where table_name = 'care_duty'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from change_history where table_name = 'care_duty'`)).rejects.toThrow(/append-only/);
    });
  });

  it("the bulk loader's setting writes no history", async () => {
    await withClient('poverty', async (client) => {
      const { rows: before } = await client.query(`select count(*)::int as n from change_history`);
      await client.query('begin');
      await client.query(`set local jiuye.history_capture = 'off'`);
      await client.query(`insert into responsible_unit (id, name) values (902, '批量单位')`);
      await client.query('commit');
      const { rows: after } = await client.query(`select count(*)::int as n from change_history`);
      expect(after[0].n).toBe(before[0].n);
    });
  });

  it('explicit and implicit (flush) transactions of the ORM carry the context; the next one on the pooled connection does not', async () => {
    const module = DEPARTMENT_MODULES.poverty;
    const ResponsibleUnit = module.entities.find((entity) => (entity as { name?: string }).name === 'ResponsibleUnit') as new () => { id: number; name: string };
    const database = await openDatabase({ url: urls.poverty, entities: module.entities, migrations: module.migrations, poolSize: 1 });
    try {
      let current: ChangeContext | null = { actor: 'staff-2', origin: 'mutation', detail: 'createUnit' };
      const em = forkWithChangeContext(database.orm.em, () => current);
      const before = database.statements.total;
      await em.transactional(async (tx) => {
        await tx.getConnection().execute(`insert into responsible_unit (id, name) values (903, '事务单位')`, [], 'run', tx.getTransactionContext());
      });
      // The context statement is not counted as work: one statement (the insert).
      expect(database.statements.total - before).toBe(1);
      // A flush's implicit transaction.
      const unit = await em.findOneOrFail(ResponsibleUnit, { id: 903 });
      unit.name = '冲刷单位';
      current = { actor: 'staff-2', origin: 'mutation', detail: 'renameUnit' };
      await em.flush();
      // withChangeContext, for raw SQL outside a request.
      await withChangeContext(database.orm.em, { actor: 'staff-3', origin: 'import', detail: 'import 9' }, (tx) =>
        tx.getConnection().execute(`update responsible_unit set name = '导入单位' where id = 903`, [], 'run', tx.getTransactionContext()),
      );
      current = null;
      await em.transactional((tx) => tx.getConnection().execute(`update responsible_unit set name = '事后单位' where id = 903`, [], 'run', tx.getTransactionContext()));
      const rows = await em
        .getConnection()
        .execute(`select operation, actor, origin, detail from change_history where table_name = 'responsible_unit' and row_key = '903' order by id`);
      expect(rows.map((row: any) => [row.operation, row.actor, row.origin, row.detail])).toEqual([
        ['INSERT', 'staff-2', 'mutation', 'createUnit'],
        ['UPDATE', 'staff-2', 'mutation', 'renameUnit'],
        ['UPDATE', 'staff-3', 'import', 'import 9'],
        ['UPDATE', expect.any(String), 'direct', null],
      ]);
    } finally {
      await database.close();
    }
  });
});
