import { MikroORM, DefaultLogger, type LoggerOptions, type LogContext, type EntityClass, type EntitySchema, type MigrationObject } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import { DEFAULT_DB_CONNECT_TIMEOUT_MS } from './config';
import { CHANGE_CONTEXT_SQL_PREFIX } from './history';
import { knexLog } from './database-log';
import type { Logger } from './logger';
import { migrationLockName, withAdvisoryLock, type MigrationLockOptions } from './migration-lock';

export type Orm = MikroORM<PostgreSqlDriver>;

/** Counts SQL statements, so tests and benchmarks can see N+1 where it happens. */
export class StatementCounter {
  total = 0;

  reset(): void {
    this.total = 0;
  }
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: StatementCounter,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    const query = context.query.trimStart();
    const sql = query.slice(0, 16).toLowerCase();
    // Transaction control statements are not work, nor is telling the history who writes
    // (common/src/history.ts); count what reads or writes data.
    if (!/^(begin|commit|rollback|savepoint|release)/.test(sql) && !query.startsWith(CHANGE_CONTEXT_SQL_PREFIX)) this.counter.total++;
    super.logQuery(context);
  }
}

export interface DatabaseOptions {
  url: string;
  entities: (EntityClass<unknown> | EntitySchema)[];
  migrations: MigrationObject[];
  /** Print every SQL statement (LOG_SQL=1). */
  logSql?: boolean;
  poolSize?: number;
  /** How long opening one connection may take, TCP and PostgreSQL's start-up answer (DB_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
  /**
   * How long a statement may wait for a connection from the pool, opening one included
   * (DB_ACQUIRE_TIMEOUT_MS for the services). Absent: knex's 60 s, for the tools (seeding, bulk
   * loads) whose many parallel statements may queue for the pool longer than a request should.
   */
  acquireTimeoutMs?: number;
  /** Where knex's own warnings go (scrubbed, common/src/database-log.ts); without it they are dropped. */
  logger?: Logger;
  /** Where new migrations are written (only the migration:create tool needs it). */
  migrationsPath?: string;
  /**
   * A read replica (a hot standby of `url`): `em.getConnection('read')` runs there; everything
   * else (the ORM's own reads and writes, migrations, transactions) stays on `url`.
   */
  replicaUrl?: string;
}

export interface Database {
  orm: Orm;
  statements: StatementCounter;
  close(): Promise<void>;
}

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be lower-case letters, digits and _: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name}"`).catch((error: { code?: string }) => {
        // Created concurrently by another process: 42P04 once it committed, 23505 (unique
        // violation on pg_database's name) while both creates were still in flight.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements = new StatementCounter();
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      disableForeignKeys: false,
    },
    debug: options.logSql ? ['query', 'query-params'] : false,
    // The ORM's own chatter (migrator progress…) stays out of the service logs unless asked for.
    logger: options.logSql ? (message: string) => process.stderr.write(`${message}\n`) : () => undefined,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, statements),
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    ...(options.replicaUrl ? { replicas: [{ name: 'read-replica', clientUrl: options.replicaUrl }], preferReadReplicas: false } : {}),
    driverOptions: {
      connection: { connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_DB_CONNECT_TIMEOUT_MS },
      ...(options.acquireTimeoutMs === undefined ? {} : { acquireConnectionTimeout: options.acquireTimeoutMs }),
      // knex prints "Connection Error: …" and its other warnings with console.log: into the service's log instead.
      log: knexLog(options.logger),
    },
  });
  return { orm, statements, close: () => orm.close(true) };
}

/**
 * Applies every committed migration that has not run yet; all or nothing. Under the database's
 * migration lock (common/src/migration-lock.ts): replicas starting together migrate one at a time,
 * the later ones finding nothing left to apply.
 */
export async function migrate(orm: Orm, options: MigrationLockOptions = {}): Promise<string[]> {
  const url = orm.config.get('clientUrl');
  if (!url) throw new Error('migrate: the ORM has no clientUrl to take the migration lock on');
  const applied = await withAdvisoryLock(url, migrationLockName(url), () => orm.getMigrator().up(), options);
  return applied.map((m) => m.name);
}
