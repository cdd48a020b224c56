import { Client } from 'pg';
import { advisoryLockKey, ensureDatabaseExists, migrate, migrationLockName, openDatabase } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { until } from '@jiuye/testing/child-service';
import { freshDatabaseUrl, startTestSubgraph, testSubgraphConfig } from '@jiuye/testing/harness';

async function sql<T extends object>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The advisory locks held in this database now (a released migration lock leaves none). */
async function advisoryLocks(url: string): Promise<number> {
  const rows = await sql<{ n: number }>(
    url,
    `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database where l.locktype = 'advisory' and d.datname = current_database()`,
  );
  return rows[0].n;
}

describe('migrations under an advisory lock (replicas starting together)', () => {
  it('two instances of one subgraph started at once on a fresh database both come up; each migration is applied once', async () => {
    const url = freshDatabaseUrl('hr_replicas');
    const [first, second] = await Promise.all([startTestSubgraph(hrSubgraph, testSubgraphConfig('hr', url)), startTestSubgraph(hrSubgraph, testSubgraphConfig('hr', url))]);
    try {
      const recorded = await sql<{ name: string; n: number }>(url, 'select name, count(*)::int as n from mikro_orm_migrations group by name');
      expect(recorded).toHaveLength(hrSubgraph.migrations.length);
      expect(recorded.every((row) => row.n === 1)).toBe(true);
      // Both answer, on the same tables.
      for (const running of [first, second]) {
        const response = await running.query('{ __typename }');
        expect(response.errors).toBeUndefined();
        expect(response.data).toEqual({ __typename: 'Query' });
      }
      expect(await advisoryLocks(url)).toBe(0);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('the second migrator waits for the first and then finds nothing to apply', async () => {
    const url = freshDatabaseUrl('hr_lock');
    await ensureDatabaseExists(url);
    const open = () => openDatabase({ url, entities: hrSubgraph.entities, migrations: hrSubgraph.migrations, poolSize: 2 });
    const databases = await Promise.all([open(), open(), open()]);
    try {
      const waited: number[] = [];
      const applied = await Promise.all(databases.map((database, i) => migrate(database.orm, { onWait: () => waited.push(i) })));
      const sizes = applied.map((names) => names.length).sort((a, b) => a - b);
      expect(sizes).toEqual([0, 0, hrSubgraph.migrations.length]);
      // Three at once on one lock: two of them found it taken and waited.
      expect(waited).toHaveLength(2);
      expect(await advisoryLocks(url)).toBe(0);
      // Later starts take the free lock at once.
      expect(await migrate(databases[0].orm, { onWait: () => waited.push(9) })).toEqual([]);
      expect(waited).toHaveLength(2);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  });

  it('a process that dies holding the lock releases it with its session', async () => {
    const url = freshDatabaseUrl('hr_lock_dead');
    await ensureDatabaseExists(url);
    const holder = new Client({ connectionString: url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1::bigint)', [advisoryLockKey(migrationLockName(url))]);
    const database = await openDatabase({ url, entities: hrSubgraph.entities, migrations: hrSubgraph.migrations, poolSize: 2 });
    try {
      let waiting = false;
      const migrating = migrate(database.orm, { onWait: () => (waiting = true) });
      // It finds the lock taken and says it waits (however long the start takes under load).
      await until('the migrator to wait for the lock', async () => waiting, 20_000);
      expect(waiting).toBe(true);
      // The holder's session ends (as with kill -9): the waiting migrator goes on.
      const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      holder.on('error', () => undefined);
      await sql(url, 'select pg_terminate_backend($1)', [holderPid]);
      expect(await migrating).toHaveLength(hrSubgraph.migrations.length);
    } finally {
      await database.close();
      await holder.end().catch(() => undefined);
    }
  });

  it('derives a stable key per database', () => {
    expect(advisoryLockKey('jiuye:migrations:hr')).toBe(advisoryLockKey('jiuye:migrations:hr'));
    expect(advisoryLockKey('jiuye:migrations:hr')).not.toBe(advisoryLockKey('jiuye:migrations:poverty'));
    expect(migrationLockName('postgres://u:p@db:5432/jiuye_hr?sslmode=disable')).toBe('jiuye:migrations:jiuye_hr');
    expect(BigInt(advisoryLockKey('x'))).toBeLessThan(2n ** 63n);
  });
});
