import { Client } from 'pg';
import {
  createLogger,
  endPool,
  ensureDatabaseExists,
  migrate,
  openDatabase,
  DEPARTMENT_NAMES,
  HISTORY_CAPTURE_SETTING,
  OUTBOX_CAPTURE_SETTING,
  type DepartmentName,
} from '@jiuye/common';
import { openSourcePools, rebuildReadModel, situationSubgraph } from '@jiuye/situation';
import { createDemoCounty } from './demo';
import type { SeedContext } from './seeding';
import { SEEDERS, SUBGRAPH_MODULES } from './subgraphs';
import { seedServiceRecords } from './seed/service-records';
import { beginBulkLoad, type BulkLoad } from './bulk-load';

export interface SeedOptions {
  /** The five departments' databases, and the situation read model's when it is to be built too. */
  databaseUrls: Record<DepartmentName, string> & { situation?: string };
  pseudonymKey: string;
  workers?: number;
  seed?: number;
  batchSize?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  households: number;
  workers: number;
  rows: number;
  elapsedMs: number;
}

export interface SeedReport extends SeedProgress {
  rowsPerSecond: number;
  /** Milliseconds per phase: migrations, the rows (reference and batches), then indexes, sequences, analyze and commit. */
  phases?: { migrations: number; rows: number; finish: number };
  /** The situation read model built from the seeded departments (when its database was given). */
  readModel?: ReadModelReport;
}

export interface ReadModelReport {
  workers: number;
  households: number;
  elapsedMs: number;
  /** Milliseconds per phase of the rebuild (situation's projection/feed.ts). */
  phases?: Record<string, number>;
}

/** Applies every subgraph's committed migrations (the same ones each service runs at start), the five databases in parallel. */
export async function migrateAll(databaseUrls: Record<DepartmentName, string>): Promise<void> {
  // One at a time: CREATE DATABASE copies template1, which refuses a second concurrent copy.
  for (const name of DEPARTMENT_NAMES) await ensureDatabaseExists(databaseUrls[name]);
  await Promise.all(
    DEPARTMENT_NAMES.map(async (name) => {
      const database = await openDatabase({ url: databaseUrls[name], entities: SUBGRAPH_MODULES[name].entities, migrations: SUBGRAPH_MODULES[name].migrations });
      try {
        await migrate(database.orm);
      } finally {
        await database.close();
      }
    }),
  );
}

/**
 * Loads the demo county into the five databases: one pass over the generated households,
 * each batch written to every department with COPY (devtools/src/bulk.ts). Each department's
 * load is one transaction on its own connection, into tables emptied in that transaction, with
 * their secondary indexes built once at the end (devtools/src/bulk-load.ts): a failed seed leaves
 * its database as it was. The next batch is generated while the departments write the last.
 */
export async function seedDemoCounty(options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  await migrateAll(options.databaseUrls);
  const migrated = Date.now();
  const county = createDemoCounty({ workers: options.workers, seed: options.seed });
  const context: SeedContext = { pseudonymKey: options.pseudonymKey, today: county.options.today };
  const clients = {} as Record<DepartmentName, Client>;
  for (const name of DEPARTMENT_NAMES) {
    clients[name] = new Client({ connectionString: options.databaseUrls[name] });
    await clients[name].connect();
  }
  const progress: SeedProgress = { households: 0, workers: 0, rows: 0, elapsedMs: 0 };
  const loads = {} as Record<DepartmentName, BulkLoad>;
  // Each department's writes in order on its one connection; batches overlap across departments and with generation.
  const queues = {} as Record<DepartmentName, Promise<unknown>>;
  const inFlight: Promise<unknown>[] = [];
  try {
    await Promise.all(
      DEPARTMENT_NAMES.map(async (name) => {
        const client = clients[name];
        await client.query('begin');
        // A bulk load writes no outbox rows (the triggers skip this session); the situation read
        // model is rebuilt from the departments afterwards instead (npm run situation:rebuild).
        await client.query(`set local ${OUTBOX_CAPTURE_SETTING} = 'off'`);
        // Nor change history: the demo county is where history starts, and a re-seed starts it again.
        await client.query(`set local ${HISTORY_CAPTURE_SETTING} = 'off'`);
        // The indexes dropped for the load are built again at the end: room to sort them in memory.
        await client.query(`set local maintenance_work_mem = '256MB'`);
        const tables = [...SEEDERS[name].tables, 'service_record'];
        await client.query(`truncate ${[...tables, 'outbox', 'change_history'].map((t) => `"${t}"`).join(', ')} restart identity cascade`);
        loads[name] = await beginBulkLoad(client, tables);
        await SEEDERS[name].seedReference(client, county.reference, context);
      }),
    );
    for (const name of DEPARTMENT_NAMES) queues[name] = Promise.resolve();
    let lastReport = 0;
    for (const batch of county.households(options.batchSize ?? 2000)) {
      // Each department's own rows, then its 一人一案 service records (devtools/src/seed/service-records.ts).
      const written = Promise.all(
        DEPARTMENT_NAMES.map((name) => {
          const next = queues[name].then(
            async () => (await SEEDERS[name].seedHouseholds(clients[name], batch, context)) + (await seedServiceRecords(clients[name], name, batch, context)),
          );
          queues[name] = next;
          return next;
        }),
      ).then((rows) => {
        progress.rows += rows.reduce((a, b) => a + b, 0);
        progress.households += batch.length;
        for (const household of batch) for (const member of household.members) if (member.inLabourRegistry) progress.workers++;
      });
      // Awaited below; until then a failure must not count as unhandled.
      written.catch(() => undefined);
      inFlight.push(written);
      // At most two batches in memory: this one being written, the next one being generated.
      if (inFlight.length > 1) await inFlight.shift();
      progress.elapsedMs = Date.now() - started;
      if (options.onProgress && progress.elapsedMs - lastReport >= 2000) {
        lastReport = progress.elapsedMs;
        options.onProgress({ ...progress });
      }
    }
    while (inFlight.length) await inFlight.shift();
    progress.elapsedMs = Date.now() - started;
    await Promise.all(
      DEPARTMENT_NAMES.map(async (name) => {
        await loads[name].finish();
        await SEEDERS[name].finish(clients[name], context);
        await clients[name].query('commit');
      }),
    );
  } catch (error) {
    // Let the writes already sent end (failed or not) before rolling back on the same connections.
    await Promise.allSettled([...inFlight, ...Object.values(queues)]);
    await Promise.all(DEPARTMENT_NAMES.map((name) => clients[name].query('rollback').catch(() => undefined)));
    throw error;
  } finally {
    await Promise.all(DEPARTMENT_NAMES.map((name) => clients[name].end()));
  }
  const rowsDone = started + progress.elapsedMs;
  progress.elapsedMs = Date.now() - started;
  const phases = { migrations: migrated - started, rows: rowsDone - migrated, finish: Date.now() - rowsDone };
  const report: SeedReport = { ...progress, rowsPerSecond: Math.round(progress.rows / (progress.elapsedMs / 1000)), phases };
  // The bulk load wrote no outbox rows (capture off), so the read model is rebuilt from what it loaded.
  const situationUrl = options.databaseUrls.situation;
  return situationUrl ? { ...report, readModel: await buildReadModel({ ...options.databaseUrls, situation: situationUrl }) } : report;
}

/**
 * Builds the situation read model from the departments' databases (already migrated): its own
 * migrations, then a full rebuild (subgraphs/situation/src/projection/feed.ts).
 */
export async function buildReadModel(urls: Record<DepartmentName | 'situation', string>): Promise<ReadModelReport> {
  await ensureDatabaseExists(urls.situation);
  const database = await openDatabase({ url: urls.situation, entities: situationSubgraph.entities, migrations: situationSubgraph.migrations });
  try {
    await migrate(database.orm);
  } finally {
    await database.close();
  }
  const sources = openSourcePools(Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, urls[name]])) as Record<DepartmentName, string>);
  try {
    return await rebuildReadModel(urls.situation, sources, createLogger('situation-rebuild', process.env.LOG_LEVEL ?? 'info'));
  } finally {
    await Promise.all(Object.values(sources).map((pool) => endPool(pool)));
  }
}

/**
 * Reads a database that may not exist yet: `missing` when the database or the table is not
 * there (a first run), otherwise what `read` finds.
 */
export async function readIfPresent<T>(databaseUrl: string, table: string, missing: T, read: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return missing; // the database does not exist yet
    throw error;
  }
  try {
    const found = await client.query(`select to_regclass($1) is not null as exists`, [`public.${table}`]);
    return found.rows[0].exists ? await read(client) : missing;
  } finally {
    await client.end();
  }
}

/** Whether the demo county is already in place (the hr labour registry has rows). */
export function isSeeded(hrDatabaseUrl: string): Promise<boolean> {
  return readIfPresent(hrDatabaseUrl, 'worker', false, async (client) => (await client.query('select exists (select 1 from worker) as seeded')).rows[0].seeded);
}
