import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * Migrations under a PostgreSQL advisory lock, so replicas of one service can start together:
 * the first takes the lock and migrates, the others wait for it and then find nothing left to
 * apply. The lock is held on a dedicated connection (a session lock, not a transaction's: the
 * migrator runs its own transactions on the ORM's pool), released when the work ends; a process
 * killed while holding it loses its session, and PostgreSQL releases the lock with it.
 */

/** A stable 64-bit key for a lock name (the same in every process and release): the first 8 bytes of its SHA-256, signed. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/** The migration lock's name for a database: advisory locks are per database already; the name keeps it apart from other locks. */
export function migrationLockName(databaseUrl: string): string {
  return `jiuye:migrations:${decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''))}`;
}

export interface MigrationLockOptions {
  /** Told once when another process holds the lock and this one waits for it. */
  onWait?: () => void;
}

/** Runs `work` while holding the advisory lock `name` in the database at `databaseUrl`. */
export async function withAdvisoryLock<T>(databaseUrl: string, name: string, work: () => Promise<T>, options: MigrationLockOptions = {}): Promise<T> {
  const key = advisoryLockKey(name);
  const client = new Client({ connectionString: databaseUrl, application_name: 'jiuye-migration-lock' });
  // The server dropping this connection while work runs must not end the process: the work's
  // own queries fail and say why.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const tried = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [key]);
    if (!tried.rows[0].locked) {
      options.onWait?.();
      await client.query('select pg_advisory_lock($1::bigint)', [key]);
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
