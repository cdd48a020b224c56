import net from 'node:net';
import { Client } from 'pg';
import { databaseUnavailableCause, databaseUnavailableLog, ensureDatabaseExists, isDatabaseUnavailable, makeIdNumber, scrubKnexMessage, withDatabase } from '@jiuye/common';
import { freshDatabaseUrl } from '@jiuye/testing/harness';
import { closedPort } from '@jiuye/testing/gateway';

/** What pg really throws, from a real server: unavailable (refused, terminated) versus a query that failed. */
describe('isDatabaseUnavailable', () => {
  it('a refused connection, a session ended by the server: unavailable', async () => {
    const url = freshDatabaseUrl('unavailable');
    await ensureDatabaseExists(url);
    const refused = new Client({ connectionString: withDatabase(`postgres://u:p@127.0.0.1:${await closedPort()}`, 'x') });
    const refusal = await refused.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(refusal)).toBe(true);
    expect(databaseUnavailableCause(refusal)).toBe('ECONNREFUSED');

    const victim = new Client({ connectionString: url });
    victim.on('error', () => undefined);
    await victim.connect();
    const pid = (await victim.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    const killer = new Client({ connectionString: url });
    await killer.connect();
    try {
      const pending = victim.query('select pg_sleep(5)').then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await killer.query('select pg_terminate_backend($1)', [pid]);
      const terminated = await pending;
      expect(isDatabaseUnavailable(terminated)).toBe(true);
      expect(databaseUnavailableCause(terminated)).toBe('57P01');
      // Wrapped the way MikroORM and GraphQL wrap it.
      expect(isDatabaseUnavailable({ name: 'DriverException', message: 'x', previous: terminated })).toBe(true);
      expect(isDatabaseUnavailable(new Error('resolver failed', { cause: terminated }))).toBe(true);
      // pg's error for a socket closed under a query, as knex rethrows it: the statement put before the message.
      expect(isDatabaseUnavailable(new Error('select 1 - Connection terminated unexpectedly'))).toBe(true);
      expect(isDatabaseUnavailable(new Error('select 1 - Transaction query already complete, run with DEBUG=knex:tx for more info'))).toBe(true);

      const failed = await killer.query('select * from no_such_table').then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(failed)).toBe(false);
      expect(isDatabaseUnavailable(new Error('anything else'))).toBe(false);
    } finally {
      await killer.end();
      await victim.end().catch(() => undefined);
    }
  });

  it("a server that accepts TCP and never answers, past pg's connect timeout (DB_CONNECT_TIMEOUT_MS): unavailable", async () => {
    const mute = net.createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', () => resolve()));
    try {
      const client = new Client({ host: '127.0.0.1', port: (mute.address() as net.AddressInfo).port, user: 'u', database: 'x', connectionTimeoutMillis: 300 });
      const error = await client.connect().then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(databaseUnavailableCause(error)).toBe('connect-timeout');
    } finally {
      mute.close();
    }
  });
});

describe("knex's log lines", () => {
  it('keep the first line only, without quoted literals, long numbers, ID numbers or phones', () => {
    const idNumber = makeIdNumber('530113', '1990-01-01', 12);
    expect(scrubKnexMessage(new Error('Connection terminated unexpectedly'))).toBe('Error: Connection terminated unexpectedly');
    expect(scrubKnexMessage(`Pool validate threw an error: insert into worker values ('张三', '${idNumber}', 13912345678)\n    at stack`)).toBe(
      "Pool validate threw an error: insert into worker values ('*', '*', *)",
    );
    expect(scrubKnexMessage(`id ${idNumber} phone 13912345678`)).not.toMatch(/\d{6,}/);
    expect(scrubKnexMessage({ sql: 'select 1' })).toBe('knex reported a non-text message');
  });
});

describe("the operators' log of DATABASE_UNAVAILABLE answers", () => {
  it("names knex's pool timeout, counts by cause, and writes at most one line per window", () => {
    const lines: { fields: any; message: string }[] = [];
    const logger = { warn: (fields: any, message: string) => lines.push({ fields, message }) } as any;
    let clock = 0;
    const log = databaseUnavailableLog(logger, 'hr', 10_000, () => clock);
    const acquire = new Error('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?');
    expect(databaseUnavailableCause(acquire)).toBe('acquire-timeout');
    log(acquire);
    expect(lines).toEqual([{ fields: { department: 'hr', causes: { 'acquire-timeout': 1 } }, message: expect.stringContaining('SUBGRAPH_UNAVAILABLE') }]);
    clock = 2_000;
    log(acquire);
    log(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }));
    expect(lines).toHaveLength(1);
    clock = 12_000;
    log(new Error('select 1 - Connection terminated unexpectedly'));
    expect(lines[1].fields).toEqual({ department: 'hr', causes: { 'acquire-timeout': 1, '53300': 1, terminated: 1 } });
    // Causes only: nothing of the statement or its values reaches the log.
    expect(JSON.stringify(lines)).not.toContain('select');
  });
});
