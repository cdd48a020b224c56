import type net from 'node:net';
import pg from 'pg';
import { endPool, ensureDatabaseExists } from '@jiuye/common';
import { freshDatabaseUrl } from '@jiuye/testing/harness';

/** The socket under a pool's client (node-postgres keeps it as connection.stream). */
const socketOf = (client: pg.PoolClient) => (client as unknown as { connection: { stream: net.Socket } }).connection.stream;

describe('endPool', () => {
  it('returns once every connection of the pool is closed, not only let go of', async () => {
    const url = freshDatabaseUrl('pool_end');
    await ensureDatabaseExists(url);
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    const sockets = clients.map(socketOf);
    // All idle: pool.end() alone resolves at once, the sockets still closing.
    for (const client of clients) client.release();
    await endPool(pool);
    expect(sockets.map((socket) => socket.destroyed)).toEqual([true, true, true]);
    expect(pool.totalCount).toBe(0);
  });

  it('waits for a client checked out when the pool is ended, released later', async () => {
    const url = freshDatabaseUrl('pool_end_busy');
    await ensureDatabaseExists(url);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const [idle, busy] = await Promise.all([pool.connect(), pool.connect()]);
    idle.release();
    let ended = false;
    const ending = endPool(pool).then(() => (ended = true));
    await busy.query('select pg_sleep(0.2)');
    expect(ended).toBe(false);
    busy.release();
    await ending;
    expect([idle, busy].map((client) => socketOf(client).destroyed)).toEqual([true, true]);
  });

  it('ends a pool that never connected at once', async () => {
    const pool = new pg.Pool({ connectionString: freshDatabaseUrl('pool_end_unused') });
    const started = Date.now();
    await endPool(pool);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
