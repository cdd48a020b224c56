import { Client } from 'pg';
import { DEPARTMENT_NAMES, outboxCaptureFunctionSql, outboxTriggerName, outboxTriggerSql, type DepartmentName } from '@jiuye/common';
import { migratedDepartmentDatabase } from '@jiuye/testing/departments';

/**
 * common/src/outbox.ts is the one home of the outbox capture SQL from now on; the departments'
 * frozen Migration20261123140100 each hold a pasted copy. This checks, on each department's
 * migrated database, that the helper reproduces exactly what is installed: the function (its
 * body and its definition as PostgreSQL prints it) and every trigger that calls it.
 */
describe('the outbox capture helper is what the departments installed', () => {
  const urls = {} as Record<DepartmentName, string>;

  beforeAll(async () => {
    for (const department of DEPARTMENT_NAMES) urls[department] = await migratedDepartmentDatabase(department);
  });

  /** Runs `change` inside a transaction that is rolled back, reading `look` before and after. */
  async function beforeAndAfter<T>(
    department: DepartmentName,
    look: (client: Client) => Promise<T>,
    change: (client: Client, before: T) => Promise<void>,
  ): Promise<{ before: T; after: T }> {
    const client = new Client({ connectionString: urls[department] });
    await client.connect();
    try {
      await client.query('begin');
      const before = await look(client);
      await change(client, before);
      return { before, after: await look(client) };
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  }

  it.each(DEPARTMENT_NAMES)('%s: the capture function', async (department) => {
    const look = async (client: Client) =>
      (await client.query<{ src: string; def: string }>(`select prosrc as src, pg_get_functiondef(oid) as def from pg_proc where proname = 'outbox_capture'`)).rows;
    const { before, after } = await beforeAndAfter(department, look, async (client) => {
      await client.query(outboxCaptureFunctionSql());
    });
    expect(before).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it.each(DEPARTMENT_NAMES)('%s: every trigger calling it', async (department) => {
    interface Trigger {
      table: string;
      name: string;
      args: string[];
      def: string;
    }
    const look = async (client: Client) =>
      (
        await client.query<Trigger>(
          `select c.relname as table, t.tgname as name, pg_get_triggerdef(t.oid) as def,
                  string_to_array(rtrim(encode(t.tgargs, 'escape'), E'\\\\000'), E'\\\\000') as args
             from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
            where not t.tgisinternal and p.proname = 'outbox_capture' order by 1`,
        )
      ).rows;
    const { before, after } = await beforeAndAfter(department, look, async (client, triggers) => {
      for (const trigger of triggers) {
        await client.query(`drop trigger "${trigger.name}" on "${trigger.table}"`);
        const [workerColumn, householdColumn] = trigger.args;
        await client.query(outboxTriggerSql({ table: trigger.table, workerColumn, householdColumn }));
      }
    });
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((t) => t.name)).toEqual(before.map((t) => outboxTriggerName(t.table)));
    expect(after).toEqual(before);
  });
});
