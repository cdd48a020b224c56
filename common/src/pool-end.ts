import type pg from 'pg';

/**
 * Ends a node-postgres pool and waits until each of its connections is closed. `pool.end()`
 * resolves once the pool has let go of its clients, while their sockets may still be closing
 * (pg-pool ends idle clients without waiting for them): a process stopping its work then still
 * holds sockets for a moment — a test worker that should exit is kept alive by them.
 * Waits at most `timeoutMs` for the sockets (a stuck server must not hold a stop forever).
 */
export async function endPool(pool: pg.Pool, timeoutMs = 5_000): Promise<void> {
  const open = pool.totalCount;
  let removed = 0;
  let done!: () => void;
  const closed = new Promise<void>((resolve) => (done = resolve));
  const onRemove = () => {
    if (++removed >= open) done();
  };
  pool.on('remove', onRemove);
  if (open === 0) done();
  try {
    await pool.end();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs).unref()))]);
    clearTimeout(timer);
  } finally {
    pool.off('remove', onRemove);
  }
}
